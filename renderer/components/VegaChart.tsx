import { useEffect, useRef } from 'react';
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';
import type { View } from 'vega';
import { chartLocale } from '../core.js';
import { useI18n } from './I18n.js';

/**
 * A Vega-Lite chart drawn as SVG. Vega's expressions run in its interpreter (`ast` + `expr`), not
 * compiled with `new Function`, so the strict Content Security Policy needs no 'unsafe-eval'.
 */
export function VegaChart({ spec, onView }: { spec: TopLevelSpec; onView?: (view: View | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const { lang } = useI18n();
  useEffect(() => {
    let finalize: (() => void) | undefined;
    let live = true;
    if (ref.current) {
      embed(ref.current, spec, {
        renderer: 'svg',
        mode: 'vega-lite',
        actions: false,
        ast: true,
        expr: expressionInterpreter,
        // Every language sets its own locale: vega's formatLocale is a global default, so a French one
        // would outlive a switch to English (axes in "0 %") if English were left to the default.
        formatLocale: chartLocale(lang).number as unknown as Record<string, unknown>,
      }).then((result) => {
        if (!live) return result.finalize();
        finalize = result.finalize;
        onView?.(result.view);
      }, (e: unknown) => console.error(e));
    }
    return () => {
      live = false;
      finalize?.();
      onView?.(null);
    };
  }, [spec, lang, onView]);
  return <div ref={ref} className="chart" />;
}
