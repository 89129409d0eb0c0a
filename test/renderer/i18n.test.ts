import { describe, expect, it } from 'vitest';
import { MESSAGES, message } from '../../analysis/index.js';
import { CORE_MESSAGES_FR } from '../../renderer/i18n/coreMessagesFr.js';
import { en } from '../../renderer/i18n/en.js';
import { fr } from '../../renderer/i18n/fr.js';
import { coreMessage, placeholders, translate } from '../../renderer/i18n/translate.js';

describe('message catalogues', () => {
  it('French has exactly the English keys, each with the same placeholders and some text', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const french = fr[key as keyof typeof en];
      expect(french.trim(), key).not.toBe('');
      expect(placeholders(french), key).toEqual(placeholders(text));
    }
  });

  it('translates every message of the statistical core by its code, keeping its placeholders', () => {
    expect(Object.keys(CORE_MESSAGES_FR).sort()).toEqual(Object.keys(MESSAGES).sort());
    for (const [code, entry] of Object.entries(MESSAGES)) {
      const french = CORE_MESSAGES_FR[code as keyof typeof MESSAGES]!;
      expect(placeholders(french.text), code).toEqual(placeholders(entry.text));
      expect(placeholders(french.action), code).toEqual(placeholders(entry.action));
    }
  });

  it('fills parameters in the chosen language', () => {
    expect(translate('en', 'data.summary', { file: 'a.csv', rows: 3, columns: 2 })).toBe('a.csv: 3 rows, 2 columns');
    expect(translate('fr', 'data.summary', { file: 'a.csv', rows: 3, columns: 2 })).toBe('a.csv : 3 lignes, 2 colonnes');
    const m = message('DATA_FILE_EMPTY', { file: 'x.csv' });
    expect(coreMessage('en', m).text).toBe(m.text);
    expect(coreMessage('fr', m).text).toBe("Le fichier de données x.csv n'a aucune ligne de données.");
  });
});
