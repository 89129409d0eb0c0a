import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { I18nContext, makeI18n } from '../../renderer/components/I18n.js';
// @ts-expect-error -- as above
import { ProgressPanel } from '../../renderer/components/ProgressPanel.js';

/** The progress of a step is named in the language shown now, not the one it started in (a walk: French beside "Cancelar"). */
describe('the progress panel', () => {
  const html = (lang: 'en' | 'fr' | 'es', step: string) => renderToStaticMarkup(
    createElement(I18nContext.Provider, { value: makeI18n(lang) }, createElement(ProgressPanel, { busy: { step, done: 1, of: 3 }, onCancel: () => undefined })),
  );
  const text = (h: string) => /<div class="progress-text">([^<]*)</.exec(h)![1];

  it('names the same step in each language, with the Cancel button of that language', () => {
    const es = html('es', 'read');
    const fr = html('fr', 'read');
    expect(text(es)).toBe(makeI18n('es').t('progress.read'));
    expect(text(fr)).toBe(makeI18n('fr').t('progress.read'));
    expect(text(es)).not.toBe(text(fr));
    expect(es).toContain('Cancelar');
    // A step without a name of its own is shown as it is.
    expect(text(html('en', 'custom step'))).toBe('custom step');
  });
});
