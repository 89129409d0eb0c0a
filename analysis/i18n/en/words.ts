/**
 * Names of things, shared by the screen, the exports and the core's messages: indicators, roles of
 * the mapping, parts of hazardous work, the dimensions of the tables. The fill function (../fill.ts)
 * also writes ids found in messages' parameters with these words (`choresHours` as "hours of
 * household chores (sum)"), so that no text shows an id.
 */
export const words = {
  'ind.children_in_employment': 'Children in employment',
  'ind.child_labour': 'Child labour',
  'ind.hazardous_work': 'Hazardous work',
  'ind.child_labour_other_than_hazardous': 'Child labour other than hazardous work',

  'role.weight': 'Sampling weight',
  'role.stratum': 'Stratum',
  'role.psu': 'Cluster (PSU)',
  'role.age': 'Age (completed years)',
  'role.sex': 'Sex',
  'role.region': 'Region',
  'role.area': 'Area',
  'role.econActivity': 'Economic activity (yes if any)',
  'role.absentFromJob': 'Temporarily absent from work',
  'role.econHours': 'Hours of economic activity',
  'role.choresHours': 'Hours of household chores (sum)',
  'role.industry': 'Industry (ISIC Rev.4)',
  'role.occupation': 'Occupation (ISCO-08)',
  'role.hazards': 'Hazardous conditions',
  'role.universe': 'Universe (who is in scope)',
  'role.fpc': 'Finite population correction',
  'role.hazardFlag': 'hazardous condition {name}',
  'role.extraColumn': 'background characteristic {name}',

  'part.industry': 'the industry (ISIC Rev.4)',
  'part.occupation': 'the occupation (ISCO-08)',
  'part.longHours': 'long hours (hours of economic activity)',
  'part.conditions': 'hazardous conditions',

  // The MICS6 hazardous conditions (CL4-CL6X) by the names the app gives them (import/suggestRoles.ts MICS6_HAZARDS).
  'hazard.heavy_loads': 'carrying heavy loads',
  'hazard.dangerous_tools': 'dangerous tools or heavy machinery',
  'hazard.dust_fumes': 'dust, fumes or gas',
  'hazard.extreme_temp': 'extreme cold, heat or humidity',
  'hazard.noise_vibration': 'loud noise or vibration',
  'hazard.heights': 'work at heights',
  'hazard.chemicals': 'chemicals or explosives',
  'hazard.night_work': 'night work',
  'hazard.abuse': 'abuse (physical, psychological or sexual)',
  'hazard.other_hazard': 'other unsafe or unhealthy things',

  'effect.knownParts': 'count their known parts only (an unknown part counts as 0 hours)',
  'effect.knownPartsNoActivity': 'count their known parts only (an unknown part counts as 0 hours), and, with no economic-activity question mapped, those with no hours known count as not working (employment is then decided by hours; the MICS6 syntax decides it by CL1A-CL1X: map them as economic activity)',
  'effect.belowThresholdNoActivity': 'count as below every hours threshold, and, with no economic-activity question mapped, as not working (employment is then decided by hours; the MICS6 syntax decides it by CL1A-CL1X: map them as economic activity)',
  'effect.belowThreshold': 'count as below every hours threshold',
  'cluster.candidates': 'candidates: {list}',
  'ages.none': 'no age in whole years',
  'cluster.none': 'no column of the file looks like one',
  'effect.leave': 'leave the indicators that need their hours',
  'effect.leaveAnswer': 'leave the indicators their answer decides (a child is still counted where another part decides: a hazardous industry, long hours)',
  'effect.leaveHazard': 'leave hazardous work, and the child labour it decides, unless another part decides (a hazardous industry, long hours); children known not to work are not counted here, their answer changes nothing',
  'among.inScope': 'counted in the estimates',
  'among.notOutOfWork': 'not known to be out of work',
  'among.notAtWork': 'not known to be at work by their hours or activity',
  // HOURS_MISSING_SHARE: the children the share is of.
  'asked.inScope': 'children',
  'asked.notOutOfWork': 'children who may have worked (not known to be out of work)',
  'effect.readAsNo': 'are read as "no" (the MICS6 syntax tests = 1)',
  // An option's value in messages (missingHours, lonelyPsu): the analysis file's id beside the word.
  'policy.unknown': 'unknown',
  'policy.mics': 'mics',
  'policy.adjust': 'adjust',
  'policy.average': 'average',
  'policy.remove': 'remove',
  'policy.certainty': 'certainty',
  'policy.fail': 'fail',

  'list.quotedJoin': '", "',

  'dim.total': 'Total',
  'dim.age_group': 'Age group',
  'dim.region': 'Region',
  'dim.area': 'Area',

  // The MICS background characteristics (analysis/background.ts), as the MICS tables head them.
  'bg.school_attendance': 'School attendance',
  'bg.functional_difficulty': "Child's functional difficulties",
  'bg.mother_education': "Mother's education",
  'bg.wealth_quintile': 'Wealth index quintile',
  'bg.ethnicity': 'Ethnicity of household head',
  // Wealth index quintiles (codes 1-5) of a file that has no value labels for them.
  'bg.wealth.1': 'Poorest',
  'bg.wealth.2': 'Second',
  'bg.wealth.3': 'Middle',
  'bg.wealth.4': 'Fourth',
  'bg.wealth.5': 'Richest',

  'area.urban': 'Urban',
  'area.rural': 'Rural',
  // What a sex or area code means (MAPPED_CODE_LABEL_CONTRADICTS' {meaning}).
  'meaning.male': 'male',
  'meaning.female': 'female',
  'meaning.urban': 'urban',
  'meaning.rural': 'rural',

  'age.years': '{label} years',

  // What a file is that the app does not read (import/format.ts, DATA_FORMAT_UNKNOWN's detail)
  'formatProblem.zip': 'it is a zip archive (its first file: "{entry}"); extract the data file from it first',
  'formatProblem.ole2': 'it is an Excel 97-2003 workbook (.xls) or another OLE2 file; save it as .xlsx or CSV',
  'formatProblem.gzip': 'it is gzip-compressed; decompress it first',
  'formatProblem.pdf': 'it is a PDF document',
  'formatProblem.xls': 'it is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV',
  'formatProblem.ods': 'it is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV',
  'formatProblem.por': 'it is an SPSS portable file (.por); open it in SPSS or PSPP and save it as .sav',
  'formatProblem.sas': 'it is a SAS file; export it as CSV, Parquet or Stata from SAS',
  'formatProblem.rdata': 'it is an R data file; write it with write.csv(), arrow::write_parquet() or haven::write_dta() first',
  // How a mapped column's name differs from the file's that looks the same (validate.ts MAP_COLUMN_LOOKALIKE)
  'lookalike.decomposed': 'the accents of one of the two names are separate marks (Unicode NFD, as macOS writes names)',
  'lookalike.invisible': 'it holds an invisible character ({codes})',
  'notText.nul': 'it holds a NUL byte at offset {offset}, which no text file has',
  'notText.controls': 'it is full of control characters',
  // Why a delimited file's line cannot be read (DATA_CSV_MALFORMED's {detail}, loadDelimited.ts)
  'csvProblem.fields': 'it has {fields} {fields|field|fields} where the header has {expected}',
  'csvProblem.cut': 'it has {fields} {fields|field|fields} where the header has {expected}, and it is the last line: the file looks cut off (a copy or download that did not finish)',
  'csvProblem.quote': 'a quoted value is not closed (the file may be truncated)',
  'csvProblem.parser': 'the parser cannot read it with these settings',
  'csvProblem.line': 'malformed line',
  'csvProblem.firstLine': 'the first line is longer than {bytes} bytes',

  // A file named in a message about a column that a join brought from another file (joinedColumns.ts)
  'file.joinedColumn': '{main} (the column comes from {joinedFrom})',
  'file.joinedColumnEmpty': '{main} (the column comes from {joinedFrom}: a row with no match in {joinedFrom} has it empty, see JOIN_UNMATCHED)',

  // What makes a framework invalid (frameworks.ts; FRAMEWORK_INVALID's {detail})
  "fwProblem.ownId": "its rules differ from the published definition \"{base}\", so it needs an id of its own (leave \"id\" out to get \"{base}_modified\")",
  "fwProblem.ownName": "its rules differ from the published definition, so it needs a name of its own, not \"{name}\" (leave \"name\" out to get \"{suggested}\")",
  "fwProblem.id": "its id must be letters, digits, _ . -",
  "fwProblem.comparison": "a comparison must be \">=\" or \">\"",
  "fwProblem.noBand": "it needs at least one age band",
  "fwProblem.bandYears": "age band {from}-{to} must be whole years, from the lower to the higher",
  "fwProblem.bandOverlap": "age band {from}-{to} overlaps the band before it",
  "fwProblem.bandOrder": "age band {from}-{to} comes after an older band: list the bands from the youngest",
  "fwProblem.bandGap": "no age band covers ages {from}-{to}, between two bands: give them a band of their own (its economic rule \"none\" if no work counts), so that the framework's ages are all counted",
  "fwProblem.econRule": "age band {from}-{to}: the rule for economic activity must be employed, hours or none",
  "fwProblem.econHours": "age band {from}-{to}: the hours of economic activity must be a number from 0 to 168 (the hours of a week)",
  "fwProblem.choresHours": "age band {from}-{to}: the hours of household chores must be a number from 0 to 168 (the hours of a week)",
  "fwProblem.longHours": "the long hours of hazardous work must be a number from 0 to 168 (the hours of a week)",
  "fwProblem.hazardLists": "hazardous work needs a list of industries and a list of occupations",
  "fwProblem.codeWhole": "the hazardous code {code} must be a whole number",
  "fwProblem.industry": "the hazardous industry {code} is not an ISIC Rev.4 division (1-99; the class 0510 is in division 5)",
  "fwProblem.occupation": "the hazardous occupation {code} is not an ISCO-08 unit group (4 digits, as 9311)",
  "fwProblem.conditions": "the hazardous conditions must be a list of names, or null",
  "fwProblem.hazardsInChildLabour": "the field hazardsInChildLabour must be one of its three values: all of hazardous work, the hazardous conditions only, or none",
} as const;
