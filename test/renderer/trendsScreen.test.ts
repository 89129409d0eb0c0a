import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { roundsJsonOf, runRoundsFile } from '../../analysis/cli/rounds.js';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { I18nContext, makeI18n } from '../../renderer/components/I18n.js';
// @ts-expect-error -- as above
import { TrendsScreen } from '../../renderer/screens/TrendsScreen.js';

/**
 * The trends screen rendered to HTML (no browser): each round's warnings are shown under its label,
 * beside the notes on comparing rounds. A walk: 52 "don't know" hours read as 99 hours changed a trend
 * with no sign on this screen (its notes listed the regions' message only).
 */
const FILE = new URL('../fixtures/rounds/rounds3.analysis.json', import.meta.url).pathname;

describe('the trends screen', () => {
  it('lists every round\'s warnings under the round\'s label', async () => {
    const { result } = await runRoundsFile(FILE, roundsJsonOf(FILE));
    const html = renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n('en') },
        createElement(TrendsScreen, { rr: result, selected: { framework: 'sdg_871', indicator: 'child_labour' }, onSelect: () => undefined })),
    );
    const notes = html.slice(html.indexOf('data-testid="trend-notes"'));
    for (const r of result.rounds) {
      const warnings = r.result.messages.filter((m) => m.severity === 'warning');
      if (!warnings.length) continue;
      expect(notes).toContain(`<h4>${r.label}</h4>`);
      expect(notes.split(`<h4>${r.label}</h4>`)[1]!.split('<h4>')[0]!.match(/class="message message-warning"/g)?.length).toBe(warnings.length);
    }
    expect(result.rounds.some((r) => r.result.messages.some((m) => m.code === 'HOURS_MISSING_SHARE'))).toBe(true);
    expect(notes).toContain('have no known hours of economic activity');
  }, 120_000);
});
