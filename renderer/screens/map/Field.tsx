import { useId, type ReactNode } from 'react';

/** A labelled control of the Map step: the label is tied to the control by the id it hands over. */
export function Field({ label, children, wide }: { label: string; children: (id: string) => ReactNode; wide?: boolean }) {
  const id = useId();
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
