/**
 * The presentation layer's texts (analysis/present/): the standard tables' gap columns and notes, the
 * sampling-errors table, the charts' accessible description and GE 2020 reference lines, and the
 * metadata in words (the variables role by role, the lonely-PSU and design-effect choices, the
 * messages' severities). Terms follow the ILO's in each language (child labour: travail des enfants,
 * trabajo infantil; hazardous work: travail dangereux, trabajo peligroso; children in employment:
 * enfants occupés, niños ocupados; SDG 8.7.1: ODD 8.7.1, ODS 8.7.1).
 *
 * The metadata's labels of the roles are `present.role.*` ("Area of residence"): the mapping screen's
 * shorter names, which the fill function also writes for a role id, are `role.*` in words.ts.
 */
export const present = {
  // standard tables
  'col.gap': 'Boys − girls',
  'col.gapPoints': 'points',
  'col.p': 'p',
  'note.gap': 'Boys − girls: difference in percentage points, with the p-value of its design-based test; in bold when significant at the {alpha} level. A difference is withheld where either figure is suppressed.',
  'note.missing': '–: no figure: not estimated in this analysis (add the breakdown to the analysis file), or withheld with a suppressed figure.',
  // sampling errors
  'se.title': 'Sampling errors: {framework}',
  'se.subtitle': 'Headline indicators for children aged {from}-{to}, by sex, area and region: standard errors, coefficients of variation, design effects and confidence limits',
  'se.stub': 'Indicator and domain',
  'se.col.estimate': 'Value (r, %)',
  'se.col.se': 'Standard error (se)',
  'se.col.cv': 'Coefficient of variation (se/r)',
  'se.col.deff': 'Design effect (deff)',
  'se.col.deft': 'Square root of design effect (deft)',
  'se.col.n': 'Unweighted count',
  'se.col.weighted': 'Weighted count',
  'se.col.lower': 'Lower limit',
  'se.col.upper': 'Upper limit',
  'se.note.columns': 'r: weighted percentage; se: standard error in percentage points; deft: square root of deff; counts: children in the domain, unweighted and weighted.',
  'se.note.limits': 'Confidence limits: the {level} % confidence interval ({ci}), the one every table and chart shows (not r ± 2 se).',
  'se.note.deffReplace': 'Design effect: the variance under the survey design divided by the variance of a simple random sample with replacement of the same size (R survey, deff = "replace").',
  'se.note.deffDefault': 'Design effect: the variance under the survey design divided by the variance of a simple random sample without replacement of the same size (R survey, deff = TRUE).',
  'sheet.samplingErrors': 'Sampling errors',
  'report.samplingErrors': 'Sampling errors',
  // charts
  'chart.description': '{title}. Bars: weighted percentages; lines: {level} % confidence intervals from the survey design.',
  'ref.africa': 'Africa',
  'ref.arab_states': 'Arab States',
  'ref.asia_pacific': 'Asia and the Pacific',
  'ref.europe_central_asia': 'Europe and Central Asia',
  'ref.latin_america': 'Latin America and the Caribbean',
  'ref.note': 'Dashed line: {region}, {value} % of children aged 5-17 in child labour,',
  'ref.source': 'ILO-UNICEF Global Estimates 2020 (comparable with their headline measure only).',
  // metadata in words
  'present.role.age': 'Age',
  'present.role.sex': 'Sex',
  'present.role.region': 'Region',
  'present.role.area': 'Area of residence',
  'present.role.econActivity': 'Economic activity in the reference week',
  'present.role.econHours': 'Hours of economic activity',
  'present.role.absentFromJob': 'Temporarily absent from a job',
  'present.role.choresHours': 'Hours of household chores',
  'present.role.industry': 'Industry (ISIC Rev.4)',
  'present.role.occupation': 'Occupation (ISCO-08)',
  'present.role.hazard': 'Hazardous condition: {name}',
  'present.role.extras': 'Other breakdowns',
  'words.sex': '{column}: boys = {male}, girls = {female}',
  'words.area': '{column}: urban = {urban}, rural = {rural}',
  'words.industry.division': '{column} (ISIC division, 2 digits)',
  'words.industry.class': '{column} (ISIC class, 4 digits; the division is its first two)',
  'words.columns.any': '{columns} (yes when any of them is yes)',
  'words.columns.sum': '{columns} (summed)',
  'words.yes': 'yes = {codes}',
  'words.missingCodes': 'missing codes {codes}',
  'words.missingFrom': '{min} and above: missing',
  'words.blank.missing': 'blank: missing',
  'words.blank.zero': 'blank: 0 (question skipped)',
  'words.blank.no': 'blank: no (question skipped)',
  'words.ageGroup': '{label} (ages {from}-{to})',
  'words.comparison': '{words} ({op})',
  'lonely.fail': 'stop with an error (R survey.lonely.psu = "fail")',
  'lonely.remove': 'the stratum adds no variance (R survey.lonely.psu = "remove")',
  'lonely.certainty': 'the single PSU is taken with certainty and adds no variance (R survey.lonely.psu = "certainty")',
  'lonely.adjust': 'the stratum is centred at the grand mean, a conservative choice (R survey.lonely.psu = "adjust")',
  'lonely.average': 'the stratum gets the average variance of the other strata (R survey.lonely.psu = "average")',
  'deff.replace': 'against a simple random sample with replacement (R deff = "replace")',
  'deff.default': 'against a simple random sample without replacement (R deff = TRUE)',
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Note',
} as const;
