import type { messages as EN } from '../en/messages.js';

/** The messages of the statistical core in French, by code (English: ../en/messages.ts). */
export const messages: typeof EN = {
  ANALYSIS_FILE_UNREADABLE: {
    text: "Le fichier d'analyse {file} n'a pas pu être lu : {detail}.",
    action: "Vérifiez le chemin et que le fichier est du JSON enregistré par cette application ou écrit d'après docs/analysis-file.md.",
  },
  ANALYSIS_FILE_IS_FOLDER: {
    text: "Le fichier d'analyse {file} est un dossier, pas un fichier.",
    action: "Indiquez le chemin du fichier d'analyse lui-même (un fichier .clstats ou .json de ce dossier, par exemple).",
  },
  ANALYSIS_FILE_NOT_REGULAR: {
    text: "Le fichier d'analyse {file} n'est pas un fichier ordinaire (c'est un tube nommé, un périphérique ou un socket) ; il n'a pas été lu.",
    action: "Enregistrez l'analyse dans un fichier ordinaire (étape Définir de l'application, ou un éditeur de texte) et indiquez le chemin de ce fichier.",
  },
  ANALYSIS_FILE_INVALID: {
    text: "Le fichier d'analyse {file} n'est pas valide en {path} : {detail}.",
    action: 'Corrigez cette entrée ; docs/analysis-file.md décrit chaque champ et ses valeurs permises.',
  },
  FRAMEWORK_UNKNOWN_PRESET: {
    text: "Il n'existe pas de définition prédéfinie « {preset} ».",
    action: "Utilisez l'une de celles-ci : {known}.",
  },
  FRAMEWORK_INVALID: {
    text: "La définition « {framework} » n'est pas valide : {detail}.",
    action: "Corrigez la définition (tranches d'âge croissantes, seuils numériques).",
  },
  FRAMEWORK_NEEDS_ROLE: {
    text: "La définition « {framework} » a besoin du rôle « {role} », qui n'est associé à aucune colonne.",
    action: "Associez une colonne du fichier de données à « {role} », ou choisissez une définition qui ne l'utilise pas.",
  },
  FRAMEWORK_UNKNOWN_CONDITION: {
    text: "La définition « {framework} » compte la condition dangereuse « {condition} », qui n'est associée à aucune colonne.",
    action: 'Associez-la dans les conditions dangereuses, ou retirez-la des conditions de la définition.',
  },
  HAZARD_PART_UNMAPPED: {
    text: "Le travail dangereux selon « {framework} » ne tient pas compte de {part} : ce rôle n'est associé à aucune colonne.",
    action: "Associez {part} si l'enquête l'a demandé ; sinon, précisez dans le rapport que le travail dangereux l'exclut.",
  },
  DUPLICATE_FRAMEWORK_ID: {
    text: "Deux définitions ont l'identifiant « {framework} ».",
    action: 'Donnez un identifiant propre à la copie modifiée.',
  },
  DATA_FILE_UNREADABLE: {
    text: "Le fichier de données {file} n'a pas pu être lu : {detail}.",
    action: "Vérifiez que le fichier existe, qu'il n'est pas ouvert dans un autre programme et que c'est un fichier CSV, Parquet, SPSS, Stata ou Excel.",
  },
  DATA_FILE_IS_FOLDER: {
    text: 'Le fichier de données {file} est un dossier, pas un fichier.',
    action: "Dans le fichier d'analyse, faites pointer data.path vers le fichier de données lui-même (CSV, Parquet, SPSS, Stata ou Excel), pas vers son dossier.",
  },
  DATA_FILE_NOT_REGULAR: {
    text: "Le fichier de données {file} n'est pas un fichier ordinaire (c'est un tube nommé, un périphérique ou un socket) ; sa lecture pourrait attendre indéfiniment, il n'a donc pas été lu.",
    action: "Enregistrez les données dans un fichier ordinaire et faites pointer data.path du fichier d'analyse vers lui.",
  },
  DATA_TOO_LARGE_FOR_APP: {
    text: "Le fichier de données {file} est trop volumineux pour l'application : environ {rows} lignes de {columns} colonnes, et l'application en contient au plus environ {limit} lignes de cette largeur dans ses 4 Go de mémoire WebAssembly. Il n'a pas été chargé.",
    action: "Utilisez la ligne de commande, qui n'a pas cette limite et donne les mêmes chiffres : enregistrez le fichier d'analyse (étape Définir), puis lancez  clstats run ANALYSE.clstats  (voir le README, « Command line »).",
  },
  DATA_FILE_OVER_APP_LIMIT: {
    text: "Le fichier de données {file} fait {size} Go ; l'application lit des fichiers d'au plus 1 Go : il n'a pas été lu.",
    action: "Utilisez la ligne de commande, qui n'a pas cette limite et donne les mêmes chiffres : enregistrez le fichier d'analyse (étape Définir), puis lancez  clstats run ANALYSE.clstats  (voir le README, « Command line »).",
  },
  DATA_FILE_EMPTY: {
    text: "Le fichier de données {file} n'a aucune ligne de données.",
    action: "Vérifiez que vous avez choisi le bon fichier et qu'il a une ligne d'en-tête suivie de données.",
  },
  DATA_FORMAT_UNKNOWN: {
    text: "Le fichier de données {file} n'est pas dans un format que cette application lit : {detail}.",
    action: 'Enregistrez-le en CSV, TSV, Parquet, SPSS (.sav, .zsav), Stata (.dta) ou Excel (.xlsx) et ouvrez ce fichier.',
  },
  DATA_NOT_TEXT: {
    text: 'Le fichier de données {file} ne ressemble pas à un fichier texte (CSV) : {detail}.',
    action: "Vérifiez que vous avez choisi le bon fichier ; si c'est un classeur ou un fichier statistique, enregistrez-le en CSV ou ouvrez-le dans son propre format.",
  },
  DATA_DECIMAL_COMMA_LIKELY: {
    text: 'Les nombres de {file} semblent écrits avec une virgule décimale : la colonne « {column} » contient « {example} », lu comme du texte.',
    action: 'Cochez « Les nombres ont une virgule décimale » à l\'étape Données (dans un fichier d\'analyse : data.decimalComma: true) ; sinon un poids ou des heures écrits ainsi ne peuvent être lus comme des nombres.',
  },
  DATA_ENCODING_GUESSED: {
    text: "Le fichier de données {file} n'est pas en UTF-8 ; il a été lu comme {encoding} (premier octet non UTF-8 à la ligne {line}).",
    action: 'Vérifiez que des noms comme {sample} se lisent correctement ; sinon, indiquez data.encoding.',
  },
  DATA_ENCODING_MIXED: {
    text: "Le fichier de données {file} mélange deux encodages : du texte UTF-8 (d'abord à la ligne {utf8Line}) et des octets qui ne sont pas UTF-8 (d'abord à la ligne {line}) ; certains noms seraient mal lus.",
    action: 'Enregistrez de nouveau le fichier en UTF-8 depuis le programme qui l\'a produit, ou indiquez data.encoding ("utf-8" ou "windows-1252") pour le lire d\'une seule façon.',
  },
  DATA_ENCODING_INVALID: {
    text: "Le fichier de données {file} n'est pas du {encoding} valide (d'abord à la ligne {line}), alors que data.encoding l'indique.",
    action: 'Retirez data.encoding pour que l\'encodage soit détecté, ou indiquez le bon ("windows-1252" pour la plupart des anciens fichiers Windows).',
  },
  DATA_ENCODING_BOM: {
    text: "Le fichier de données {file} commence par une marque d'ordre des octets {encoding} : il a été lu en {encoding}, et non en {declared} comme l'indique data.encoding.",
    action: "Vérifiez que les noms accentués se lisent correctement, et retirez data.encoding du fichier d'analyse (le fichier a sans doute été réenregistré en {encoding}).",
  },
  DATA_CSV_MALFORMED: {
    text: "Le fichier de données {file} n'est pas un fichier {kind} bien formé à la ligne {line} : {detail}.",
    action: "Vérifiez cette ligne (un séparateur manquant ou en trop, ou un guillemet non fermé) ; un fichier coupé demande une copie complète. Si le fichier utilise un autre séparateur, indiquez-le (data.delimiter dans le fichier d'analyse).",
  },
  DATA_LINE_TOO_LONG: {
    text: "La ligne {line} du fichier de données {file} fait {bytes} octets, plus que les {limit} octets qu'une ligne de données d'enquête peut avoir : l'un de ses champs contient autre chose qu'une réponse (un document collé ou un export cassé).",
    action: 'Ouvrez le fichier dans un éditeur de texte ou un tableur, corrigez ou supprimez cette ligne, puis enregistrez-le de nouveau.',
  },
  DATA_DELIMITER_SUSPECT: {
    text: "Le fichier de données {file} lu avec le séparateur {delimiter} n'a qu'une colonne (« {column} »), qui contient {suspect}.",
    action: "Indiquez {suspect} comme data.delimiter, ou retirez data.delimiter pour qu'il soit détecté.",
  },
  DATA_COLUMN_DUPLICATE: {
    text: 'Le fichier de données {file} a deux colonnes de même nom : « {other} » (colonne {first}) et « {column} » (colonne {second}) ; les noms sont comparés sans tenir compte des majuscules ni des espaces qui les entourent.',
    action: "Renommez l'une d'elles dans le fichier, pour que chaque rôle lise la colonne voulue.",
  },
  DATA_COLUMN_DUPLICATE_RENAMED: {
    text: "La colonne {at} de {file} porte le même nom que la colonne {otherAt}, « {column} » : elle est lue sous le nom « {renamed} », et « {column} » est la colonne {otherAt}.",
    action: "Rien à faire si aucun rôle ne lit la colonne {at} ; sinon, associez « {renamed} », ou donnez un autre nom à la colonne dans le fichier.",
  },
  DATA_COLUMN_CASE_RENAMED: {
    text: "La colonne {at} de {file}, « {column} », ne diffère de la colonne {otherAt}, « {other} », que par les majuscules, que l'application ne distingue pas : elle est lue sous le nom « {renamed} ».",
    action: "Rien à faire si aucun rôle ne lit « {column} » ; sinon, associez « {renamed} », ou donnez un autre nom à la colonne dans le fichier.",
  },
  DATA_COLUMN_RESERVED_RENAMED: {
    text: "La colonne {at} de {file} s'appelle « {column} », le nom que le moteur de l'application donne à ses propres numéros de ligne : elle est lue sous le nom « {renamed} ».",
    action: "Rien à faire si aucun rôle ne la lit ; sinon, associez « {renamed} » (le script R et le fichier do exportés lisent les noms du fichier : pour eux, donnez un autre nom à la colonne dans une copie du fichier).",
  },
  DATA_BLANK_ROWS_INSIDE: {
    text: "{count} {count|ligne|lignes} de {file} parmi ses lignes de données, dont la première est la ligne {first}, {count|n'a|n'ont} de valeur dans aucune colonne lue (les lignes vides d'une feuille, des lignes vides, ou des lignes de séparateurs ou d'espaces seulement) : non {count|lue|lues}.",
    action: 'Rien à faire.',
  },
  DATA_CSV_HEADER_DELIMITER: {
    text: "La ligne d'en-tête de {file} finit par un séparateur, qui ajoute une colonne {position}, sans nom et vide dans toutes les lignes : cette colonne n'est pas lue.",
    action: 'Rien à faire.',
  },
  DATA_CSV_ROW_NAMES: {
    text: "La ligne d'en-tête de {file} nomme une colonne de moins que n'en ont ses lignes de données, comme write.table de R écrit un data frame avec ses noms de lignes : le premier champ de chaque ligne est lu comme une colonne {column}, les autres sous les noms de l'en-tête.",
    action: "Rien à faire, sauf si le fichier n'a pas été écrit ainsi : vérifiez alors sa ligne d'en-tête.",
  },
  DATA_BLANK_ROWS_SKIPPED: {
    text: "{count} {count|ligne|lignes} à la fin de {file}, à partir de la ligne {first}, {count|n'a|n'ont} de valeur dans aucune colonne lue (les lignes vides d'un tableur enregistrées avec leurs séparateurs, ou des notes sous les données dans des colonnes que l'analyse ne lit pas) : non {count|lue|lues}.",
    action: 'Rien à faire.',
  },
  DATA_NOTE_ROWS_SKIPPED: {
    text: "{count} {count|ligne|lignes} à la fin de {file}, à partir de la ligne {first}, {count|est une note|sont des notes ou des lignes vides} sous les données (« {note} »), sans nombre dans aucune colonne : non {count|lue|lues}.",
    action: "Rien à faire si {count|cette ligne n'est|ces lignes ne sont} pas des données d'enquête.",
  },
  DATA_SAV_UNREADABLE: {
    text: "Le fichier SPSS {file} n'a pas pu être lu : {detail}.",
    action: "Vérifiez que le fichier est complet (copiez-le de nouveau) et s'ouvre dans SPSS ou PSPP ; enregistrez-le de nouveau depuis ce logiciel si besoin.",
  },
  DATA_DTA_UNREADABLE: {
    text: "Le fichier Stata {file} n'a pas pu être lu : {detail}.",
    action: "Vérifiez que le fichier est complet (copiez-le de nouveau) et s'ouvre dans Stata ; enregistrez-le de nouveau depuis Stata si besoin.",
  },
  DATA_DTA_VERSION: {
    text: 'Le fichier Stata {file} est dans une version de format que cette application ne lit pas : {detail}.',
    action: 'Enregistrez-le depuis Stata avec « saveold » (formats 113 à 119, Stata 8 à 18), ou exportez-le en CSV.',
  },
  DATA_PARQUET_UNREADABLE: {
    text: "Le fichier Parquet {file} n'a pas pu être lu : {detail}.",
    action: "Vérifiez que le fichier est complet (copiez-le de nouveau) ; réécrivez-le depuis le programme qui l'a produit si besoin.",
  },
  DATA_XLSX_UNREADABLE: {
    text: "Le fichier Excel {file} n'a pas pu être lu : {detail}.",
    action: 'Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau en .xlsx, ou enregistrez la feuille en CSV.',
  },
  DATA_XLSX_SHEET_UNKNOWN: {
    text: "Le fichier Excel {file} n'a pas de feuille {sheet}.",
    action: "Choisissez l'une de ses feuilles : {sheets}.",
  },
  DATA_XLSX_SHEET_EMPTY: {
    text: "La feuille « {sheet} » de {file} n'a aucune ligne de données.",
    action: "Choisissez la feuille qui contient les données de l'enquête, une ligne d'en-tête suivie des données (l'étape Données liste les feuilles ; data.sheet dans le fichier d'analyse).",
  },
  DATA_XLSX_ERROR_CELLS: {
    text: "La feuille « {sheet} » de {file} a {count} {count|cellule contenant|cellules contenant} une erreur Excel comme #N/A ou #DIV/0!, dans {columnCount|la colonne|les colonnes} {columns} (d'abord en {cell}). {count|Elle est lue|Elles sont lues} comme valeur manquante, comme un code que le fichier déclare manquant (valeur inconnue dans chaque rôle : heures inconnues, pas 0 heure), jamais comme une cellule vide.",
    action: 'Rien à faire si ces valeurs sont inconnues ; sinon corrigez les formules du classeur et chargez-le à nouveau.',
  },
  DATA_XLSX_MERGED_FILLED: {
    text: 'La feuille « {sheet} » de {file} a {count} {count|plage|plages} de cellules fusionnées dans ses lignes de données (première {range}) : chacune a été lue avec sa valeur dans chaque ligne et colonne qu\'elle couvre, comme Excel l\'affiche (le classeur ne garde la valeur que dans la première cellule).',
    action: 'Rien à faire si chaque valeur fusionnée vaut pour toutes les lignes qu\'elle couvre (une région écrite une fois sur ses lignes). Un CSV enregistré depuis la feuille ne garde la valeur que dans la première ligne : lu depuis ce CSV (ou par le script R exporté, qui en lit un), les autres lignes sont vides.',
  },
  DATA_XLSX_TIME_AS_HOURS: {
    text: "La feuille « {sheet} » de {file} affiche {count} {count|cellule|cellules} au format heure (la première : {cell}), dans {columns} : Excel enregistre 12:30 comme 0,52 (une fraction de jour). {count|Elle est lue|Elles sont lues} comme les heures qu'Excel affiche (12:30 vaut 12,5 heures).",
    action: "Rien à faire s'il s'agit d'heures travaillées (une durée). Si une colonne contient des heures de la journée, ne l'associez pas aux heures. Un CSV enregistré depuis la feuille les écrit sous la forme 12:30, qui n'est pas un nombre : lisez le classeur lui-même.",
  },
  DATA_XLSX_TIME_WHOLE_DAYS: {
    text: "La feuille « {sheet} » de {file} a {count} {count|cellule|cellules} au format heure contenant un nombre entier de jours (la première : {cell}), qu'Excel affiche 24:00, 48:00, etc. : lues comme 24, 48... heures. Un nombre tapé dans une cellule au format heure (5 pour 5 heures) est enregistré ainsi aussi, et serait lu comme 5 jours d'heures.",
    action: "Vérifiez ces cellules dans Excel : si elles affichent 120:00 là où 5 heures étaient voulues, corrigez-les (tapez 5:00) et enregistrez de nouveau le classeur.",
  },
  DATA_SAV_TIME_SECONDS: {
    text: "Des colonnes de {file} au format horaire SPSS contiennent des secondes (12:30 est enregistré 45000) : {columns}. Elles sont lues comme les nombres enregistrés ; comme heures travaillées, elles seraient 3 600 fois trop grandes.",
    action: "Si une colonne contient des heures travaillées, convertissez-la en heures avant de la charger (SPSS : COMPUTE heures = CL3 / 3600. R : as.numeric(x) / 3600) et associez la nouvelle colonne ; sinon, rien à faire.",
  },
  DATA_XLSX_FORMULA_UNCALCULATED: {
    text: 'La feuille « {sheet} » de {file} a {count} {count|cellule|cellules} de formule sans résultat calculé (la première en {cell}) : le classeur a été écrit par un programme et jamais calculé. {count|Elle est lue|Elles sont lues} comme {count|manquante|manquantes} (code #UNCALCULATED), jamais comme 0 ni comme une cellule vide.',
    action: 'Ouvrez le classeur dans Excel ou LibreOffice, enregistrez-le (les formules sont alors calculées) et chargez-le à nouveau.',
  },
  DATA_XLSX_TITLE_SKIPPED: {
    text: "La feuille « {sheet} » de {file} commence par {count} {count|ligne de titre|lignes de titre} (« {title} »), {count|ignorée|ignorées} : la ligne {row} est lue comme l'en-tête, ses cellules nomment les colonnes. Les lignes citées dans les autres messages sont comptées à partir de la première ligne sous l'en-tête (la ligne 1 est la ligne {first} de la feuille).",
    action: "Rien à faire si la ligne {row} contient les noms des colonnes ; sinon supprimez les lignes au-dessus de l'en-tête dans le classeur (ou enregistrez la feuille en CSV à partir de l'en-tête) et chargez-le à nouveau.",
  },
  DATA_CSV_LINE_ENDS_MIXED: {
    text: "{file} mêle des fins de ligne : {crlf} Windows (CR LF), {lf} Unix (LF), {cr} autres (CR seul, ou CR CR LF). Il a été lu avec chacune comme une fin de ligne, comme R et Excel le lisent ; le fichier lui-même n'est pas modifié. La sorte la moins fréquente termine d'abord la ligne {line}.",
    action: "Rien à faire. De tels fichiers viennent de lignes ajoutées ou de fichiers joints dans des programmes différents : si des lignes ont pu être ajoutées à la main, vérifiez qu'elles ont leur place.",
  },
  DATA_CSV_TITLE_SKIPPED: {
    text: "{file} commence par {count} {count|ligne de titre|lignes de titre} (« {title} »), {count|ignorée|ignorées} : la ligne {line} est lue comme l'en-tête, ses champs nomment les colonnes. Les lignes citées dans les autres messages sont comptées à partir de la première ligne sous l'en-tête (la ligne 1 est la ligne {first} du fichier).",
    action: "Rien à faire si la ligne {line} contient les noms des colonnes ; sinon supprimez les lignes au-dessus de l'en-tête et chargez le fichier à nouveau.",
  },
  DATA_XLSX_SHEET_CHOSEN: {
    text: "La première feuille de {file}, « {first} », n'a pas de lignes de données ou pas les colonnes associées : la feuille « {sheet} », la première qui les a, a été lue.",
    action: "Rien à faire si « {sheet} » contient les données de l'enquête ; sinon, indiquez la feuille à lire (data.sheet dans le fichier d'analyse).",
  },
  DATA_XLSX_HIDDEN_SHEET_READ: {
    text: "Aucune feuille visible de {file} n'a de lignes de données et les colonnes associées (« {first} » est la première visible) : la feuille masquée « {sheet} », la première qui les a, a été lue.",
    action: "Vérifiez que la feuille masquée « {sheet} » contient les données de l'enquête et non une copie ancienne ou de travail ; indiquez la feuille à lire (data.sheet dans le fichier d'analyse, ou la liste des feuilles de l'étape Données) pour en être sûr.",
  },
  DATA_XLSX_SHEETS_SAME_COLUMNS: {
    text: "La feuille « {sheet} » de {file} a été lue ; {count|la feuille|les feuilles} {others} {count|a|ont} les mêmes colonnes et {count|n'est pas lue|ne sont pas lues} : une seule feuille d'un classeur est lue.",
    action: "Si l'enquête est répartie sur ces feuilles (par milieu ou par région), copiez leurs lignes sous celles de « {sheet} » dans une seule feuille d'une copie du classeur, ou enregistrez-les en un seul fichier CSV, et chargez-le. Rien à faire si {count|l'autre feuille est|les autres feuilles sont} un autre passage ou une autre version.",
  },
  DATA_USER_MISSING: {
    text: 'Colonne « {column} » ({role}) de {file} : {count} {count|cellule contient|cellules contiennent} des codes que le fichier déclare manquants ({codes}) ; {count|elle est lue comme manquante|elles sont lues comme manquantes}.',
    action: "Rien à faire si ces codes signifient « ne sait pas » ou « refus ». Un code qui veut dire que la question n'a pas été posée (un enfant qui ne travaille pas) n'est lu ainsi que s'il figure dans « codes de question non posée » à l'étape Variables (notAsked dans le fichier d'analyse) : il compte alors comme une cellule vide du rôle (0 heure, non ou inconnu, comme ses cellules vides).",
  },
  MAP_UNKNOWN_COLUMN: {
    text: "Le rôle « {role} » est associé à la colonne « {column} », qui n'est pas dans {file}.",
    action: 'Choisissez pour « {role} » une des colonnes du fichier (il contient : {available}).',
  },
  MAP_COLUMN_LOOKALIKE: {
    text: "Le rôle « {role} » est associé à la colonne « {column} », absente de {file} ; le fichier a « {actual} », qui semble identique mais s'écrit avec d'autres caractères : {detail}.",
    action: "Choisissez la colonne du fichier pour « {role} » à l'étape Variables (le fichier d'analyse garde alors son nom tel que le fichier l'écrit), ou renommez la colonne dans le fichier.",
  },
  MAP_COLUMN_CASE: {
    text: "Le rôle « {role} » est associé à la colonne « {column} », absente de {file} ; le fichier a « {actual} », le même nom avec d'autres majuscules.",
    action: "Écrivez « {actual} » pour « {role} » dans l'association : les noms sont comparés exactement, majuscules comprises.",
  },
  VALUE_NOT_ASKED_MARK: {
    text: 'La colonne « {column} » ({role}) de {file} contient « {value} » à la ligne {row} ({count} {count|ligne|lignes} en tout) : la marque de Survey Solutions d\'une question que sa condition a écartée, pour un enfant à qui elle n\'a pas été posée.',
    action: 'Déclarez-la comme code de question non posée : notAsked: ["{value}"] dans le fichier d\'analyse (« codes de question non posée » à l\'étape Variables) ; elle est alors lue comme les cellules vides du rôle (0 heure si les cellules vides valent 0 heure). Déclarée manquante, elle laisserait inconnues les heures de chacun de ces enfants.',
  },
  VALUE_NOT_NUMERIC: {
    text: "La colonne « {column} » ({role}) de {file} contient du texte qui n'est pas un nombre à la ligne {row} : « {value} » ({count} {count|ligne|lignes} en tout ; chaque texte avec ses lignes : {texts}).",
    action: "Corrigez ces cellules (un âge ou une pondération doit être un nombre ; un âge inconnu est une cellule vide, un code au-delà de 120 ou un mot comme « NSP », et l'enfant n'est alors dans aucun domaine), ou, pour un rôle d'heures ou oui/non, déclarez le code manquant : missingCodes dans le fichier d'analyse, « codes manquants » à l'étape Variables ; pour la branche d'activité ou la profession (un code « non déclaré »), missingCodes dans le fichier d'analyse.",
  },
  DATA_HEADER_REPEATED: {
    text: "{file} répète son en-tête (les noms des colonnes) {count|à la ligne|aux lignes} {rows} ({count} {count|ligne|lignes} en tout) : il semble fait de fichiers mis bout à bout, chacun avec son en-tête.",
    action: "Supprimez {count|la ligne d'en-tête répétée|les lignes d'en-tête répétées}, et vérifiez qu'aucun enfant n'est deux fois dans le fichier (les mêmes données exportées deux fois et mises ensemble les compteraient deux fois) ; puis chargez le fichier à nouveau.",
  },
  DATA_TOTAL_ROW: {
    text: 'La dernière ligne de {file} (ligne {row}) ressemble à une ligne de total, pas à un enfant : son poids dans « {column} », {value}, est la somme des poids au-dessus. Lue comme un enfant, elle compterait comme un enfant, avec les sommes de chaque colonne pour réponses.',
    action: 'Supprimez la ligne de total (et toute autre ligne de synthèse) des données et chargez à nouveau le fichier ; l\'application ne modifie pas vos fichiers.',
  },
  DATA_LABEL_ROW: {
    text: "La ligne 1 de {file} contient du texte dans des colonnes numériques ({texts}) et aucune autre ligne n'en contient : elle semble être une ligne de libellés sous les noms des colonnes.",
    action: 'Supprimez cette ligne (gardez les noms des colonnes) et chargez le fichier à nouveau.',
  },
  VALUE_THOUSANDS_SEPARATOR: {
    text: "La colonne « {column} » ({role}) de {file} contient des nombres écrits avec un séparateur de milliers, d'abord à la ligne {row} : « {value} » ({count} {count|ligne|lignes} en tout ; chaque texte avec ses lignes : {texts}). Écrits ainsi, ce ne sont pas des nombres.",
    action: "Enregistrez de nouveau le fichier avec des nombres simples (sans séparateur de milliers ; dans Excel : Format de cellule, Nombre, sans « Utiliser le séparateur de milliers ») et ouvrez-le de nouveau.",
  },
  VALUE_TIME_TEXT: {
    text: "La colonne « {column} » ({role}) de {file} contient des heures écrites comme une heure d'horloge, d'abord à la ligne {row} : « {value} » ({count} {count|ligne|lignes} en tout ; chaque texte avec ses lignes : {texts}). Ainsi écrites, ce ne sont pas des nombres.",
    action: "Donnez les heures en nombres (12:30 vaut 12,5) : convertissez la colonne avant de la charger (R : sapply(strsplit(x, \":\"), function(p) sum(as.numeric(p) / 60^(seq_along(p) - 1))) ; Excel : la cellule fois 24, au format nombre), ou, pour un CSV enregistré depuis un classeur Excel, ouvrez le classeur lui-même, que l'application lit comme Excel affiche les heures. Les déclarer manquantes rendrait inconnues les heures de chacun de ces enfants.",
  },
  VALUE_DECIMAL_COMMA_TEXT_COLUMN: {
    text: 'La colonne « {column} » ({role}) de {file} est une colonne de texte dont les nombres ont une virgule décimale, d\'abord à la ligne {row} : « {value} » ({count} {count|ligne|lignes} en tout). Le fichier lui-même les garde comme du texte : data.decimalComma (qui lit les fichiers texte délimités) ne les change pas.',
    action: 'Rendez la colonne numérique dans votre logiciel statistique et enregistrez à nouveau le fichier (SPSS : ALTER TYPE après avoir remplacé la virgule ; Stata : destring {column}, replace dpcomma ; R : as.numeric(sub(",", ".", x))), ou enregistrez les données en CSV et ouvrez-le avec « Les nombres ont une virgule décimale » coché.',
  },
  VALUE_DECIMAL_COMMA_TEXT_CELLS: {
    text: "La colonne « {column} » ({role}) de {file} contient des nombres enregistrés comme texte avec une virgule décimale, d'abord à la ligne {row} : « {value} » ({count} {count|ligne|lignes} en tout). Une cellule de classeur qui contient du texte n'est pas lue comme un nombre, avec ou sans data.decimalComma (qui s'applique aux fichiers texte délimités).",
    action: "Dans le classeur, convertissez la colonne en nombres (Données > Convertir, la virgule comme séparateur décimal) et enregistrez-le ; ou enregistrez la feuille en CSV et ouvrez celui-ci avec « Les nombres ont une virgule décimale » coché.",
  },
  VALUE_DECIMAL_COMMA: {
    text: "La colonne « {column} » ({role}) de {file} contient des nombres écrits avec une virgule décimale, d'abord à la ligne {row} : « {value} » ({count} {count|ligne|lignes} en tout). Le fichier a été lu avec un point décimal : ce ne sont donc pas des nombres.",
    action: "Si la virgule est la marque décimale (310,9), cochez « Les nombres ont une virgule décimale » à l'étape Données (dans un fichier d'analyse : data.decimalComma: true). Si elle sépare les milliers (1,234), retirez-la des cellules.",
  },
  VALUE_DECIMAL_POINT: {
    text: 'La colonne « {column} » ({role}) de {file} a des nombres écrits avec un point, d\'abord à la ligne {row} : « {value} » ({count} {count|ligne|lignes} en tout), dans un fichier lu avec la virgule décimale. Le point y sépare les milliers (1.235 pour 1235) ou est le point décimal d\'un autre programme : l\'application ne devine pas lequel.',
    action: 'Enregistrez le fichier avec des nombres sans séparateur de milliers (dans Excel : format Nombre sans « Utiliser le séparateur de milliers »). Si tous les nombres du fichier ont un point décimal, décochez « Les nombres ont une virgule décimale » à l\'étape Données (data.decimalComma: false).',
  },
  WEIGHT_COLUMN_EMPTY: {
    text: 'La colonne de pondération « {column} » de {file} est vide sur toutes les lignes qui doivent avoir un poids ({count} lignes).',
    action: "Ce n'est pas le poids, ou les poids ne sont pas arrivés dans ce fichier (une fusion manquée, une colonne vidée à l'export) : associez le poids final (MICS : fsweight ; EDS : hv005 ou v005), ou apportez-le du fichier des ménages.",
  },
  WEIGHT_MISSING: {
    text: 'La colonne de pondération « {column} » de {file} n\'a pas de poids (cellule vide ou code que le fichier déclare manquant) {count|à la ligne|aux lignes} {rows} ({count} {count|ligne|lignes} en tout).',
    action: "Chaque ligne de l'univers doit avoir un poids. Vérifiez que « {column} » est le poids final. Les enfants non enquêtés gardent leur ligne avec un poids 0 (sans la retirer : leurs grappes restent dans le plan) ; si une colonne les distingue (MICS : FS17), associez-la à l'univers, et leurs poids vides sont lus comme 0.",
  },
  WEIGHT_MISSING_OUTSIDE_UNIVERSE: {
    text: "La colonne de pondération « {column} » de {file} n'a pas de poids (cellule vide ou code que le fichier déclare manquant) dans {count} {count|ligne|lignes} hors de l'univers (d'abord à la ligne {row}) : {count|elle est lue|elles sont lues} avec un poids 0, comme MICS pondère les entretiens incomplets, et {count|reste|restent} dans le plan, dans aucune estimation.",
    action: "Rien à faire. svydesign() de R refuse un poids manquant : le script R et le fichier do Stata exportés les mettent aussi à 0.",
  },
  WEIGHT_NEGATIVE: {
    text: 'La colonne de pondération « {column} » de {file} est négative {count|à la ligne|aux lignes} {rows} ({count} {count|ligne|lignes} en tout).',
    action: "Un poids d'échantillonnage ne peut pas être négatif. Vérifiez que « {column} » est la variable de pondération.",
  },
  WEIGHT_ZERO: {
    text: 'La colonne de pondération « {column} » de {file} vaut 0 {count|à la ligne|aux lignes} {rows} ({count} {count|ligne|lignes} en tout). Ces lignes restent dans le plan de sondage (leurs grappes comptent) mais dans aucune estimation, aucun effectif non pondéré ni aucun degré de liberté.',
    action: 'Assurez-vous que ces poids nuls sont voulus (par exemple des enfants non répondants gardés dans le fichier).',
  },
  WEIGHT_DIVISOR_DECIMALS: {
    text: "Les poids de « {column} » de {file} sont divisés par {divisor} (« poids divisés par »), mais {count} {count|est écrit|sont écrits} avec des décimales (d'abord à la ligne {row} : {value}) : des poids enregistrés avec des décimales implicites, ou multipliés comme dans les EDS, sont des nombres entiers.",
    action: "Si les poids du fichier sont déjà en unités, réglez « poids divisés par » à 1 à l'étape Variables (mapping.weightDivisor) : divisés une seconde fois, tous les nombres d'enfants sont {divisor} fois trop petits.",
  },
  STRATUM_MISSING: {
    text: 'La colonne de strate « {column} » de {file} est vide ou contient un code que le fichier déclare manquant {count|à la ligne|aux lignes} {rows} ({count} {count|ligne|lignes} en tout).',
    action: 'Chaque ligne doit avoir sa strate ; complétez-la ou choisissez la bonne variable de strate.',
  },
  PSU_MISSING: {
    text: 'La colonne de grappe « {column} » de {file} est vide ou contient un code que le fichier déclare manquant {count|à la ligne|aux lignes} {rows} ({count} {count|ligne|lignes} en tout).',
    action: 'Chaque ligne doit avoir sa grappe (UPE) ; complétez-la ou choisissez la bonne variable de grappe.',
  },
  PSU_ACROSS_STRATA: {
    text: "L'UPE « {psu} » de la colonne « {column} » apparaît dans plusieurs strates (d'abord à la ligne {row}), alors que les UPE ont été déclarées uniques dans tout le fichier.",
    action: 'Cochez « Les numéros de grappe recommencent dans chaque strate » (psuNestedInStrata : true) si les numéros repartent dans chaque strate.',
  },
  PSU_NESTED_INFO: {
    text: "Des numéros d'UPE se répètent d'une strate à l'autre dans {file} ; les UPE sont prises comme emboîtées dans les strates (une UPE est le couple strate, UPE).",
    action: 'Rien à faire si les numéros de grappe recommencent dans chaque strate.',
  },
  PSU_ACROSS_REGIONS: {
    text: "{count} {count|grappe|grappes} ({column}) de {file} {count|contient|contiennent} des enfants de plus d'une région ({region}) ; la première, « {psu} » (ligne {row}), de {regionCount} régions ({regions}). Une grappe est tirée dans une seule région : son numéro est très probablement repris dans chaque région. Pris pour une seule grappe, les enfants de plusieurs régions forment une seule unité de sondage, et les erreurs types, intervalles et ddl sont tous faux.",
    action: "Faites correspondre la strate dans laquelle les numéros de grappe sont uniques (EDS : hv022 ou hv023 ; MICS : stratum), ou une colonne d'identifiants de grappe uniques dans le fichier (EDS : hv021). Si les grappes de l'enquête traversent vraiment des régions, rien à faire.",
  },
  PSU_ACROSS_AREAS: {
    text: "{count} {count|grappe|grappes} ({column}) de {file} {count|contient|contiennent} à la fois des enfants urbains et ruraux ({area} : {areas}) ; la première, « {psu} » (ligne {row}). Une grappe est urbaine ou rurale tout entière : son numéro est très probablement repris dans chaque milieu (grappes numérotées dans région x milieu). Pris pour une seule grappe, les enfants urbains et ruraux forment une seule unité de sondage, et les erreurs types, intervalles et ddl sont tous faux.",
    action: "Faites correspondre comme strate la colonne qui rend les numéros de grappe uniques : les strates du plan, région x milieu (si le fichier a la région et le milieu à part, ajoutez une colonne de leur combinaison : R interaction(region, area)), ou une colonne d'identifiants de grappe uniques dans le fichier. Si les grappes de l'enquête contiennent vraiment les deux milieux, rien à faire.",
  },
  FPC_INVALID: {
    text: "La correction pour population finie « {column} » de {file} n'est pas utilisable à la ligne {row} : {detail}.",
    action: "Donnez le nombre d'UPE de la strate dans la population (constant dans une strate) ou un taux de sondage entre 0 et 1.",
  },
  FPC_MIXED: {
    text: 'La correction pour population finie « {column} » de {file} mêle des fractions de sondage (moins de 1, d\'abord à la ligne {low}) et des nombres d\'UPE (plus de 1, d\'abord à la ligne {high}).',
    action: "Donnez une seule sorte dans toutes les strates : le nombre d'UPE de la population de la strate, ou la fraction de sondage.",
  },
  FPC_BELOW_SAMPLE: {
    text: "La strate « {stratum} » de {file} a {sampled} UPE dans l'échantillon mais {population} dans la population selon « {column} » (ligne {row}) : une fraction de sondage de plus de 100 %, qui rendrait la variance négative.",
    action: "Donnez le nombre d'UPE de la population de la strate, au moins celui de l'échantillon, ou la fraction de sondage. Sans grappes, chaque enfant est une UPE : donnez le nombre d'enfants de la population de la strate.",
  },
  AGE_INVALID: {
    text: "La colonne d'âge « {column} » de {file} a {count} {count|ligne|lignes} dont l'âge est manquant ou hors de 0-120 (d'abord à la ligne {row}). {count|Elle ne fait|Elles ne font} partie d'aucun domaine.",
    action: 'Vérifiez ces lignes ; les âges doivent être en années révolues.',
  },
  AGE_TOP_CODED: {
    text: "La colonne d'âge « {column} » de {file} écrit {count} {count|âge|âges} comme un code plafond avec son étiquette (d'abord à la ligne {row} : « {value} »), comme une liste des membres du ménage exportée avec ses étiquettes écrit ses membres les plus âgés : pas de nombre, donc pas d'âge ; des adultes, dans aucune estimation sur les enfants.",
    action: "Rien à faire. Le script R et le fichier do Stata exportés lisent aussi ces âges comme manquants.",
  },
  AGES_ABSENT: {
    text: "Aucun enfant compté dans {file} n'a {ages} ans, parmi les âges {from}-{to} ; les enfants comptés ont {present} ans. Les lignes d'un groupe d'âge qui contient ces âges ne comptent que les âges présents, et un groupe de ces seuls âges n'a pas de ligne.",
    action: "Si les questions sur le travail des enfants n'ont été posées qu'à certains âges, dites-le là où les chiffres sont publiés (une ligne « {from}-{to} » est alors celle des âges {present}), ou fixez les groupes d'âge sur ces âges (étape Définir). Sinon, vérifiez la colonne de l'âge et l'univers dans la correspondance.",
  },
  AGE_FRACTIONAL: {
    text: "La colonne d'âge « {column} » de {file} a {count} {count|âge|âges} avec une fraction (d'abord à la ligne {row} : {value}), comme s'écrit un âge exact calculé d'une date de naissance : chacun est lu en années révolues, sa partie entière ({value} donne {whole}).",
    action: "Rien à faire si la colonne tient des âges exacts. Si elle tient autre chose (des mois, un code), associez plutôt la colonne de l'âge en années révolues. Le script R et le fichier do Stata exportés lisent les âges de la même façon (floor).",
  },
  CODE_NOT_MAPPED: {
    text: "La colonne « {column} » ({role}) de {file} a {count} {count|ligne|lignes} avec le code « {value} »{label}, qui n'est aucun des codes associés « {first} » et « {second} » (d'abord à la ligne {row}). {count|Elle compte|Elles comptent} dans l'ensemble mais dans aucun groupe de {role}.",
    action: "La correspondance prend un code par groupe (le code écrit avec d'autres majuscules ou accents est déjà lu comme lui) : si « {value} » désigne un des groupes, écrivez le code de ce groupe dans ses cellules, dans une copie du fichier de données. Un code de {role} inconnu peut rester tel quel : ces enfants ne comptent que dans l'ensemble.",
  },
  MAPPED_CODES_NOT_FOUND: {
    text: "Aucun enfant de {from} à {to} ans de {file} n'a les codes de {role} de la correspondance ({codes}) : la colonne « {column} » contient {present} (enfants par code entre parenthèses). Tous les groupes de {role} seraient vides.",
    action: "Indiquez les codes que contient la colonne, pas leurs libellés (étape Variables, ou {fields} dans le fichier d'analyse) : une cellule 1 libellée « masculin » ou « urbain » a le code « 1 ».",
  },
  MAPPED_CODES_WITH_LABELS: {
    text: "La colonne « {column} » de {file} écrit les codes de {role} de la correspondance ({codes}) avec leurs libellés : elle contient {present} (enfants par valeur entre parenthèses), si bien qu'aucun enfant de {from} à {to} ans n'a les codes de la correspondance et que chaque groupe de {role} serait vide.",
    action: "Donnez les codes tels que les cellules les écrivent : {given} (étape Variables, ou le fichier d'analyse).",
  },
  MAPPED_CODE_IS_LABEL: {
    text: "Le code de {role} « {code} » de la correspondance ({field}) est le libellé du code « {labelled} » de la colonne « {column} » de {file}, et aucune ligne ne contient « {code} » : ce groupe de {role} serait vide et ses lignes dans aucun groupe de {role}. La colonne contient {present} (lignes par code entre parenthèses).",
    action: "Indiquez le code, « {labelled} », pas son libellé (étape Variables, ou {field} dans le fichier d'analyse).",
  },
  MAPPED_CODE_LABEL_CONTRADICTS: {
    text: "La correspondance lit le code « {code} » de la colonne « {column} » de {file} comme {meaning} ({field}), mais le fichier lui donne le libellé « {label} ». Si le libellé est juste, chaque tableau, graphique et export montre chaque groupe ({role}) sous le nom de l'autre.",
    action: "Vérifiez les codes sur le questionnaire : le fichier donne à « {labelled} » le sens {meaning}. Si les libellés sont justes, échangez les codes à l'étape Variables (ou {field} dans le fichier d'analyse) ; si ce sont les libellés du fichier qui sont faux, rien à faire.",
  },
  MAPPED_CODE_WORD_CONTRADICTS: {
    text: "La correspondance lit le code « {code} » de la colonne « {column} » de {file} comme {meaning} ({field}), mais ce code est lui-même le mot de l'autre groupe ({role}) : chaque tableau, graphique et export montrerait chaque groupe sous le nom de l'autre.",
    action: "Donnez les codes ({role}) dans le bon sens à l'étape Variables (ou {field} dans le fichier d'analyse).",
  },
  ONE_PSU_DOMAINS: {
    text: "{count} {count|domaine a|domaines ont} tous {count|ses|leurs} enfants à l'indicateur connu dans une seule UPE (grappe), d'abord {where} ({n} enfants) : une erreur d'échantillonnage ne s'estime pas sur une seule grappe, si bien que {count|son|leurs} erreur type, intervalle de confiance, coefficient de variation et effets de plan restent vides (une erreur type de 0 ne serait pas une précision).",
    action: "Publiez {count|ce chiffre|ces chiffres} sans marge d'erreur en disant pourquoi, ou utilisez une ventilation plus large qui couvre plusieurs grappes.",
  },
  UNIVERSE_NOT_SET: {
    text: "La colonne « {column} » de {file} donne le résultat de l'entretien, et {count} {count|enfant pondéré y a|enfants pondérés y ont} un autre code que 1 (complété), mais aucun univers n'est défini : {count|cet enfant compte|ces enfants comptent} dans chaque dénominateur, avec un module vide lu comme une absence de travail.",
    action: "Limitez l'univers aux entretiens complétés : « {column} » = 1 (l'univers à l'étape Variables, ou mapping.universe dans le fichier d'analyse). Si l'enquête les garde à dessein, rien à faire.",
  },
  WORK_UNDER_ONE_HOUR: {
    text: "{count} des {children} enfants de {file} ont exercé une activité économique ({activity}) avec moins d'une heure inscrite dans {columns} (0 ou une fraction d'heure). Ils comptent dans l'emploi, comme le dit le oui (l'emploi est au moins une heure de travail) : dans le travail des enfants aux âges dont la règle est l'emploi (estimations mondiales OIT/UNICEF), pas aux âges dont la règle est une heure ou plus (ODD 8.7.1 à 5-11 ans).",
    action: "Rien à faire si les heures sont celles répondues. Si 0 signifie « non posée » ou « ne sait pas », déclarez-le code manquant des heures.",
  },
  HOURS_EMPTY_AFTER_WORK: {
    text: "{count} des {children} enfants de {file} ont eu une activité économique ({activity}) et n'ont pas d'heures dans {columns}, que la correspondance lit comme 0 heure (cellules vides : 0) : les heures leur ont été demandées, donc une cellule vide y est un « ne sait pas » ou un « manquant » perdu, lu comme aucune heure.",
    action: "Si le fichier est un CSV tiré d'un .sav ou d'un .dta dont les codes manquants sont devenus des cellules vides, lisez le fichier d'origine ; sinon, indiquez combien d'enfants cela concerne avec les résultats.",
  },
  MAPPED_CODE_ABSENT: {
    text: "Le code de {role} « {code} » de la correspondance ({field}) n'est dans aucune ligne de la colonne « {column} » de {file}, qui contient {present} (lignes par code entre parenthèses) : ce groupe de {role} est vide.",
    action: "Si un autre code désigne ce groupe, indiquez-le dans la correspondance (étape Variables, ou {field} dans le fichier d'analyse) ; si l'enquête n'a pas de telles lignes, rien à faire.",
  },
  HOURS_UNKNOWN_AT_AGES: {
    text: "Aucun des {count} {count|enfant|enfants} de {from} à {to} ans de {file} ayant exercé une activité économique ({activity}) n'a d'heures connues ({columns}) : les seuils d'heures de ces âges ne s'appliquent à aucun enfant qui travaille, et le travail des enfants à {from}-{to} ans n'est donc pas mesuré (selon la règle « {policy} » pour les heures manquantes, il est estimé comme si aucun d'eux n'était au travail des enfants par les heures). Les heures n'ont sans doute pas été demandées à ces âges.",
    action: "Présentez le travail des enfants pour les âges qui ont des heures (un groupe d'âge sans {from}-{to}), ou mettez en correspondance la colonne qui contient les heures de ces enfants. Comparez les passages d'enquête sur les groupes d'âge qui ont des heures (selon la règle « unknown », les évolutions des domaines qui comprennent ces âges sont marquées non comparables).",
  },
  BREAKDOWN_VALUE_MISSING: {
    text: "{share} % des enfants de {from} à {to} ans ({count} sur {children}) n'ont pas de valeur de {column} ({role}) que les ventilations lisent (une cellule vide, un code que le fichier déclare manquant, un code que la correspondance ne nomme pas, ou aucune ligne pour eux dans un fichier joint) dans {file} : ils comptent dans les totaux et dans aucune ligne par {column}, dont les lignes ne font donc pas le total.",
    action: "Si cette absence veut dire quelque chose (non déclaré, une mère qui ne vit pas dans le ménage, une autre catégorie), donnez-lui un code dans le fichier ou un recodage ; sinon, indiquez cette part avec les résultats.",
  },
  HOURS_MISSING_SHARE: {
    text: "Sur les {children} {asked} de {from} à {to} ans de {file}, {count} ({share} %) {count|n'a|n'ont} pas de valeur connue pour {role} ({columns}).",
    action: 'Selon la règle « {policy} » pour les heures manquantes, ils {effect}. Si certains sont des cellules vides qui veulent dire que la question n\'a pas été posée (0 heure) et que le rôle lit encore les cellules vides comme inconnues, dites-le : « les cellules vides signifient : 0 heure » à l\'étape Variables (blank: "zero" dans la correspondance) ; si ce sont des codes qui le disent (-999999999 de Survey Solutions, -8 « sans objet »), listez-les aussi dans « codes de question non posée » (notAsked). Indiquez cette part avec les résultats.',
  },
  HOURS_NOT_ASKED_AGES: {
    text: "Aucun enfant de {ages} ans de {file} ({count} {count|enfant|enfants}) n'a de valeur connue pour {role} ({columns}), alors que {share} % des enfants de {present} ans en ont une : la question semble ne pas avoir été posée à ces âges, et les lignes des groupes d'âge qui les contiennent sont celles des âges interrogés.",
    action: "Ne lisez pas ces cellules vides comme 0 heure (chaque enfant de {ages} ans compterait comme ne travaillant pas). Faites de la colonne qui dit qui a été interrogé l'univers (étape Variables), ou ne publiez les chiffres que pour les âges {present} (groupes d'âge sans {ages}).",
  },
  YESNO_MISSING_SHARE: {
    text: '{share} % des enfants de {from} à {to} ans de {file} {among} ({count} sur {children}) n\'ont pas de réponse connue pour {role} ({columns}).',
    action: 'Avec la règle des heures manquantes « {policy} », ils {effect} ; vérifiez les codes de la colonne (des cellules vides qui veulent dire « non » alors que le rôle les lit comme inconnues : « les cellules vides signifient : non » à l\'étape Variables, blank: "no" dans la correspondance ; des codes de question non posée, comme -999999999 ou -8, dans « codes de question non posée », notAsked) et indiquez cette part avec les résultats.',
  },
  NO_CHILDREN_IN_SCOPE: {
    text: "Aucune ligne de {file} n'est un enfant de {from} à {to} ans ; les âges de « {column} » sont : {ages}.",
    action: "Vérifiez la colonne d'âge (« {column} ») dans la correspondance.",
  },
  UNIVERSE_EMPTY: {
    text: "Aucun enfant de {from} à {to} ans de {file} n'est dans l'univers : la colonne « {column} » ne contient jamais {codes} ; elle contient {present} (enfants par code entre parenthèses).",
    action: "Vérifiez l'univers (étape Variables, mapping.universe) : la colonne et les codes à garder, en codes et non en libellés (MICS6 : FS17 = 1, entretiens complets).",
  },
  UNIVERSE_APPLIED: {
    text: 'Univers {column} = {codes} : {inside} des {children} enfants de {from} à {to} ans de {file} sont dans le champ ; {outside} {outside|autre reste|autres restent} dans le plan de sondage mais dans aucune estimation.',
    action: "Indiquez l'univers avec les résultats (les tableaux MICS ne comptent que les entretiens complets).",
  },
  YESNO_CHOICE_LISTS: {
    text: '{count} {count|cellule|cellules} de la colonne « {column} » ({role}) de {file} {count|est une liste|sont des listes} de choix (« 1 3 » : une réponse select_multiple d\'ODK, SurveyCTO ou KoboToolbox) : chacune est lue oui si l\'un de ses choix est un code oui ({yes}), sinon non.',
    action: 'Vérifiez que les codes oui nomment chaque choix qui compte comme oui. Les colonnes éclatées ({column}_1, ...) affectées ensemble à ce rôle donnent le même résultat (oui si l\'une est oui).',
  },
  UNIVERSE_AGES_OUTSIDE: {
    text: 'Par ailleurs, {count} {count|ligne|lignes} de {file} dans l\'univers ({column} = {codes}) {count|a|ont} un âge ({age}) hors de {from}-{to}, ou aucun : non {count|comptée|comptées} parmi les enfants ci-dessus, et dans aucune estimation.',
    action: 'Vérifiez ces âges : un questionnaire d\'enfants de {from} à {to} ans ne donne d\'autres âges que par une erreur de saisie ou un « ne sait pas » (MICS : CB3 98 ou 99). Corrigez-les dans le fichier si les enfants avaient ces âges.',
  },
  UNIVERSE_OUTSIDE_NO_AGE: {
    text: "De plus, {count} {count|ligne|lignes} de {file} hors de l'univers ({column} autre que {codes}) {count|n'a|n'ont} pas d'âge (entretiens non complétés) : {count|elle n'est pas comptée|elles ne sont pas comptées} parmi les enfants ci-dessus, dans aucune estimation, et {count|reste|restent} dans le plan de sondage.",
    action: "Rien à faire : l'univers les laisse de côté, comme les tableaux MICS laissent de côté les entretiens incomplets.",
  },
  WEIGHTS_NORMALISED: {
    text: "Les poids de « {column} » dans {file} totalisent {sum}, environ le nombre de lignes ayant un poids ({rows}) : ce sont des poids normalisés, comme les publient MICS et DHS. Les prévalences, erreurs types, intervalles et l'effet de plan par rapport à un sondage aléatoire simple avec remise sont justes ; les nombres d'enfants estimés sont des nombres d'enfants de l'échantillon, non de la population, et l'effet de plan par rapport à un sondage sans remise (deff), dont le facteur 1 - n/N demande des poids de population, reste vide.",
    action: "Publiez les prévalences. Pour des nombres d'enfants dans la population, utilisez des poids dont le total est la population (le rapport de l'enquête donne le facteur), ou multipliez la prévalence par une estimation de la population.",
  },
  WEIGHTS_SCALED_MILLION: {
    text: "Les poids de « {column} » dans {file} valent en moyenne {mean}, environ 1 000 000 : DHS enregistre ses poids normalisés (hv005, v005) multipliés par 1 000 000. Les prévalences, erreurs types et intervalles sont justes ; les nombres d'enfants estimés valent un million de fois des nombres d'enfants de l'échantillon, non des nombres de la population.",
    action: "Publiez seulement les prévalences, ou utilisez des poids dont le total est la population. Pour les lire comme les poids normalisés qu'ils sont (les totaux sont alors des nombres d'enfants de l'échantillon), choisissez 1 000 000 dans « poids divisés par » à côté du poids à l'étape Variables (mapping.weightDivisor : 1000000 dans le fichier d'analyse).",
  },
  WEIGHTS_BELOW_ONE: {
    text: "Les poids de « {column} » de {file}, tels que lus, valent en moyenne {mean}, moins de 1 : des poids de population valent au moins 1 (un enfant compte au moins pour lui-même) et des poids normalisés valent 1 en moyenne. Les prévalences, erreurs types et intervalles ne dépendent pas de l'échelle ; les nombres estimés d'enfants sont bien trop petits.",
    action: "Si « poids divisés par » est réglé à l'étape Variables (mapping.weightDivisor) et que les poids du fichier sont déjà divisés (hv005 / 1 000 000 des EDS), réglez-le à 1. Sinon, vérifiez la colonne des poids.",
  },
  WEIGHTS_ALL_ZERO: {
    text: "Tous les enfants dans le champ de {file} ont un poids nul dans la colonne « {column} » ({count} {count|enfant|enfants}) : il n'y a rien à estimer.",
    action: "Vérifiez que « {column} » est le poids final de ces enfants (MICS : fsweight pour le module travail des enfants), ainsi que l'univers.",
  },
  WEIGHT_NOT_FINITE: {
    text: "La colonne de pondération « {column} » de {file} contient {count|une valeur qui n'est pas un nombre fini|des valeurs qui ne sont pas des nombres finis} {count|à la ligne|aux lignes} {rows} ({count|c'est|la première est} « {value} » ; {count} {count|ligne|lignes} en tout).",
    action: 'Les poids doivent être des nombres finis (ni NaN, ni Infinity, ni un dépassement comme 1e400). Corrigez ces cellules dans le fichier.',
  },
  VALUE_NOT_FINITE: {
    text: "La colonne « {column} » ({role}) de {file} contient une valeur qui n'est pas un nombre fini {count|à la ligne|aux lignes} {rows} : « {value} » ({count} {count|ligne|lignes} en tout).",
    action: "Corrigez ces cellules (un âge ou une pondération doit être un nombre), ou, pour un rôle d'heures ou oui/non, déclarez le code manquant : missingCodes dans le fichier d'analyse, « codes manquants » à l'étape Variables ; pour la branche d'activité ou la profession (un code « non déclaré »), missingCodes dans le fichier d'analyse.",
  },
  HOURS_OUT_OF_RANGE: {
    text: 'La colonne « {column} » ({role}) de {file} a des heures hors de 0-168 par semaine {count|à la ligne|aux lignes} {rows} : « {value} » ({count} {count|ligne|lignes} en tout).',
    action: "Une semaine compte 168 heures. S'il s'agit de codes de « ne sait pas » ou de refus, déclarez-les manquants (missingCodes ou missingFrom) ; s'ils veulent dire que la question n'a pas été posée (-999999999 de Survey Solutions, -8 « sans objet »), listez-les dans « codes de question non posée » à l'étape Variables (notAsked : lus comme des cellules vides) ; sinon corrigez les cellules.",
  },
  HOURS_SUM_OUT_OF_RANGE: {
    text: 'Les colonnes {columns} ({role}) de {file} font plus de 168 heures par semaine en tout {count|à la ligne|aux lignes} {rows} : {value} heures ({count} {count|ligne|lignes} en tout).',
    action: "Une semaine compte 168 heures ; chacune de ces colonnes y tient, pas leur somme. Le plus souvent des codes « ne sait pas » (98, 99) comptés comme des heures dans certaines colonnes : déclarez-les manquants pour ce rôle (missingCodes ou missingFrom) ; sinon corrigez les cellules.",
  },
  HOURS_CODES_LABELLED: {
    text: 'La colonne « {column} » ({role}) de {file} a {count} {count|cellule|cellules} à {codes} (libellé et cellules entre parenthèses ; première à la ligne {row}) : des valeurs que le fichier lui-même libelle comme codes, lues comme des heures.',
    action: 'Déclarez-les manquantes pour ce rôle : missingCodes: [{list}] dans le fichier d\'analyse (dans l\'application, « codes manquants » à l\'étape Variables). Un code que le fichier ne fait que libeller n\'est pas déclaré manquant.',
  },
  HOURS_CODES_SUSPECT: {
    text: "La colonne « {column} » ({role}) de {file} a {count} {count|cellule|cellules} à {codes} heures (cellules par valeur entre parenthèses ; d'abord à la ligne {row}), un amas au-dessus de toute valeur juste en dessous (80 à 87 pour 88, 90 à 96 pour 97 à 99 ; à côté d'un amas à 97-99, les autres valeurs de cette plage aussi) : cela ressemble à des codes « ne sait pas » ou « manquant », et ils sont lus comme des heures.",
    action: "S'il s'agit de codes, déclarez-les manquants pour ce rôle : missingCodes: [{list}] dans le fichier d'analyse (dans l'application, « codes manquants » à l'étape Variables) ; les codes de 97 et plus sont aussi écartés par missingFrom: 97 (« manquant à partir de »), un 88 ne l'est pas. Un .sav ou un .dta enregistré en CSV perd ses valeurs manquantes déclarées, et un code que le fichier ne fait que libeller (98 « NSP ») n'est pas déclaré. Si ce sont de vraies heures, rien à faire.",
  },
  HOURS_CODES_SUSPECT_SUM: {
    text: "Les colonnes {columns} ({role}) de {file}, additionnées pour les heures, ont {count} {count|cellule|cellules} à {codes} heures (cellules par valeur entre parenthèses ; d'abord à la ligne {row}), un amas au-dessus de toute valeur juste en dessous (80 à 87 pour 88, 90 à 96 pour 97 à 99 ; à côté d'un amas à 97-99, les autres valeurs de cette plage aussi) : cela ressemble à des codes « ne sait pas » ou « manquant » répartis entre les colonnes, et ils sont lus comme des heures.",
    action: "S'il s'agit de codes, déclarez-les manquants pour ce rôle : missingCodes: [{list}] dans le fichier d'analyse (dans l'application, « codes manquants » à l'étape Variables) ; les codes de 97 et plus sont aussi écartés par missingFrom: 97 (« manquant à partir de »), un 88 ne l'est pas. Si ce sont de vraies heures, rien à faire.",
  },
  INDUSTRY_CLASSES_AS_DIVISIONS: {
    text: "La colonne de branche « {column} » de {file} contient des classes CITI de 3-4 chiffres ({classes} {classes|ligne|lignes}, contre {divisions} de 1-99), mais la correspondance la lit comme des divisions à 2 chiffres : une classe comme 4290 ne désigne aucune division, donc aucun enfant n'est dans une branche dangereuse.",
    action: "Réglez le niveau CITI sur la classe (4 chiffres) (étape Variables, ou {field}: \"class\" dans le fichier d'analyse).",
  },
  INDUSTRY_DIVISIONS_AS_CLASSES: {
    text: "La colonne de branche « {column} » de {file} contient des divisions CITI de 1-99 ({divisions} {divisions|ligne|lignes}, contre {classes} de 3-4 chiffres), mais la correspondance la lit comme des classes à 4 chiffres : la division 5 lue comme une classe est la division 0, donc aucun enfant n'est dans une branche dangereuse.",
    action: "Réglez le niveau CITI sur la division (2 chiffres) (étape Variables, ou {field}: \"division\" dans le fichier d'analyse).",
  },
  INDUSTRY_CODE_DIGITS: {
    text: 'La colonne de branche « {column} » de {file} contient des codes de 5 chiffres ou plus ({count} {count|ligne|lignes} ; premier « {value} », à la ligne {row}) : les divisions CITI Rév. 4 ont 2 chiffres et les classes 4, et aucune lecture de codes plus longs ne donne la division (« 05100 » lu comme une classe est la division 51) : les branches dangereuses seraient perdues.',
    action: 'Associez une colonne de divisions CITI (2 chiffres) ou de classes (4 chiffres). Dans une nomenclature nationale qui prolonge la CITI (5 chiffres et plus), la division est formée des 2 premiers chiffres du code : créez cette colonne dans votre logiciel statistique. Si « {value} » est un code manquant (non déclaré), ajoutez-le aux codes manquants de la colonne. Pour continuer sans elle, n\'associez pas la branche : le travail dangereux laisse alors de côté les branches dangereuses, et les résultats le disent.',
  },
  INDUSTRY_SECTIONS: {
    text: 'La colonne de branche « {column} » de {file} contient des lettres de section CITI ({count} {count|ligne|lignes} ; première « {value} », à la ligne {row}) : chacune est lue comme la première division de sa section (A 01, B 05, C 10, F 41, G 45...), de sorte que les industries extractives (B) et la construction (F) sont des branches dangereuses comme les estimations mondiales les comptent.',
    action: 'Rien à faire pour les cadres des estimations mondiales et des ODD. Une liste dangereuse qui ne nomme que certaines divisions d\'une section ne peut pas s\'appliquer à une lettre : pour une telle liste nationale, associez une colonne de divisions si l\'enquête en a une.',
  },
  OCCUPATION_CODE_DIGITS: {
    text: 'La colonne de profession « {column} » de {file} contient des codes de 5 chiffres ou plus ({count} {count|ligne|lignes} ; premier « {value} », à la ligne {row}) : les professions dangereuses sont des groupes de base CITP-08 de 4 chiffres, qu\'aucun code plus long ne désigne : les professions dangereuses seraient perdues.',
    action: 'Associez une colonne de groupes de base CITP-08 (4 chiffres). Dans une nomenclature nationale qui prolonge la CITP (5 chiffres et plus), le groupe de base est formé des 4 premiers chiffres du code : créez cette colonne dans votre logiciel statistique. Si « {value} » est un code manquant (non déclaré), ajoutez-le aux codes manquants de la colonne.',
  },
  OCCUPATION_NOT_UNIT_GROUPS: {
    text: 'La colonne de profession « {column} » de {file} contient des codes de 1 à 3 chiffres ({count} {count|ligne|lignes} ; premier « {value} », à la ligne {row}) : des grands groupes, sous-grands groupes ou sous-groupes CITP-08. Les professions dangereuses sont des groupes de base de 4 chiffres, qu\'aucun de ces codes ne désigne : ces enfants ne sont jamais dans une profession dangereuse.',
    action: 'Associez une colonne de groupes de base CITP-08 (4 chiffres) si l\'enquête en a une. Si elle n\'a que des codes plus courts, les professions dangereuses ne peuvent pas en être tirées : dites-le avec les résultats (les autres critères du travail dangereux comptent toujours). Si « {value} » est un code manquant (non déclaré), ajoutez-le aux codes manquants de la colonne.',
  },
  YESNO_CODES_READ_AS_NO: {
    text: "La colonne « {column} » ({role}) de {file} a {count} {count|cellule qui n'est|cellules qui ne sont} ni son code « oui » ({yes}), ni un « non » usuel (0, 2, non), ni {count|déclarée manquante|déclarées manquantes} : {codes} (cellules par valeur entre parenthèses ; d'abord à la ligne {row}). {count|Elle est lue|Elles sont lues} comme « non ».",
    action: "Si une valeur signifie « ne sait pas » ou « manquant », déclarez-la pour ce rôle : missingCodes: [{list}] dans le fichier d'analyse (« codes manquants » à l'étape Variables ; un .sav MICS enregistré en CSV perd ses déclarations de valeurs manquantes ; R et Stata écrivent les manquants NA ou « . »). Si elles signifient toutes « non », rien à faire.",
  },
  CATEGORY_SPELLINGS: {
    text: 'La colonne « {column} » ({role}) de {file} écrit le même nombre de plusieurs façons : {spellings}. Une catégorie est lue telle qu\'elle est écrite (« 01 » n\'est pas « 1 ») : chaque écriture est une catégorie à part, avec sa propre ligne dans les tableaux.',
    action: 'S\'il s\'agit d\'une seule catégorie (un fichier passé par R, Stata ou un tableur perd ses zéros de tête), donnez-leur un seul code : {field}: {recode} dans le fichier d\'analyse (dans l\'application, le bouton « Appliquer ce recodage » sous ce message), ou corrigez le fichier.',
  },
  CATEGORY_CASE_VARIANTS: {
    text: "La colonne « {column} » ({role}) de {file} écrit {count|un nom|des noms} de façons qui ne diffèrent que par les majuscules, les accents, les espaces, les apostrophes ou les tirets (' et ’, - et –) : {spellings}. Une catégorie est lue telle qu'elle est écrite : chaque façon est une catégorie à part, avec sa propre ligne dans les tableaux, et les enfants de cette seule catégorie sont répartis entre elles.",
    action: "S'il s'agit d'une seule catégorie, donnez-leur un seul code : {field} : {recode} dans le fichier d'analyse (dans l'application, le bouton « Appliquer ce recodage » sous ce message), ou corrigez le fichier. S'il s'agit de catégories différentes, rien à faire.",
  },
  CATEGORY_UNICODE_FORMS: {
    text: "La colonne « {column} » ({role}) de {file} écrit {count|un nom|des noms} à accents de deux façons qui se ressemblent : {spellings} (l'une avec une lettre comme « ô » en un seul caractère, l'autre en une lettre suivie d'un accent séparé, comme l'écrivent macOS et certains exports). Chacune est une catégorie à part, avec sa propre ligne dans les tableaux.",
    action: "Donnez-leur un seul code : {field} : {recode} dans le fichier d'analyse (dans l'application, le bouton « Appliquer ce recodage » sous ce message), ou enregistrez le fichier en caractères composés (NFC).",
  },
  YESNO_YES_READ_AS_NO: {
    text: 'La colonne « {column} » ({role}) de {file} écrit « oui » sous la forme {codes} (cellules par valeur entre parenthèses ; première à la ligne {row}), mais son code « oui » est {yes} : ces {count} {count|cellule|cellules} sont lues comme « non ».',
    action: 'Déclarez-les comme codes « oui » de ce rôle : yes: [{list}] dans le fichier d\'analyse (à l\'étape Variables, le code « oui » du rôle). Une colonne BOOLEAN d\'un fichier Parquet s\'écrit true et false.',
  },
  YESNO_YES_NONE: {
    text: 'La colonne « {column} » ({role}) de {file} écrit « oui » sous la forme {codes} (cellules par valeur entre parenthèses ; première à la ligne {row}), et aucune cellule ne porte son code « oui » {yes} : chaque « oui » de la colonne serait lu comme « non », le calcul s\'arrête donc.',
    action: 'Déclarez-les comme codes « oui » de ce rôle : yes: [{list}] dans le fichier d\'analyse (à l\'étape Variables, le code « oui » du rôle). Une colonne BOOLEAN d\'un fichier Parquet s\'écrit true et false.',
  },
  YESNO_YES_IS_LABEL: {
    text: 'Le code « oui » {yes} de {role} est le libellé du code « {code} » dans la colonne « {column} » de {file}, dont les cellules contiennent des codes : les {count} {count|cellule|cellules} du code « {code} » (première à la ligne {row}) seraient lues comme « non », et aucune comme « oui ».',
    action: 'Indiquez le code, pas son libellé : yes: ["{code}"] dans le fichier d\'analyse (à l\'étape Variables, le code « oui » du rôle).',
  },
  PSU_NOT_MAPPED: {
    text: "Aucune colonne de grappe (UPE) n'est associée pour {file}. Sans elle, chaque enfant compterait comme sa propre grappe, et les erreurs types d'une enquête en grappes seraient trop petites.",
    action: "Associez la colonne de grappe ({candidates}), ou choisissez « Pas de grappes (échantillon aléatoire simple d'enfants) » (mapping.noClusters: true) si les enfants ont vraiment été tirés un à un.",
  },
  NO_CLUSTERS_CHOSEN: {
    text: "Pas de grappes : comme choisi, chaque enfant de {file} est sa propre unité d'échantillonnage (échantillon aléatoire simple ou stratifié d'enfants).",
    action: "Indiquez-le avec les résultats ; si l'enquête a tiré des grappes (zones de dénombrement), associez plutôt la colonne de grappe.",
  },
  COLUMN_IN_TWO_ROLES: {
    text: 'La colonne « {column} » de {file} est associée à deux rôles : {roles}.',
    action: "Vérifiez la correspondance : chaque rôle lit d'ordinaire sa propre colonne (le sexe et le milieu, ou l'âge et le poids, ne sont jamais la même variable).",
  },
  JOIN_APPLIED: {
    text: 'Jointure {name} : chaque ligne de {main} reçoit {columns} {columns|colonne|colonnes} de {file} par {keys} ; {matched} lignes sur {rows} ont une correspondance.',
    action: 'Rien à faire ; vérifiez que les clés sont celles que donne la documentation de l\'enquête.',
  },
  JOIN_KEY_BLANK: {
    text: "{count} des {rows} lignes de {main} {count|a|ont} un {columns} vide (ou 0, qu'aucune ligne de {file} n'a) : aucune ligne de {file} n'est cherchée, et {count|elle est gardée|elles sont gardées} avec les colonnes de {file} vides (dans les MICS, un numéro de ligne de la mère ou de la personne en charge vide ou 0 : elle n'est pas membre du ménage).",
    action: 'Rien à faire si une clé vide veut dire « aucun » dans cette enquête.',
  },
  JOIN_SAME_NAME_DIFFERS: {
    text: "La colonne « {column} » est dans {main} et dans {file}, et les deux diffèrent dans {count} des {matched} lignes appariées (d'abord à la ligne {row} de {main} : « {mine} » dans {main}, « {theirs} » dans {file}). La colonne de {file} est jointe sous le nom « {joined} » ; une correspondance qui nomme « {column} » lit celle de {main}.",
    action: "Vérifiez quel fichier contient les valeurs qu'utilisent les tableaux de l'enquête (dans les MICS, l'indice de richesse et la région du fichier ménages). Pour utiliser celles de {file}, choisissez « {joined} ».",
  },
  JOIN_UNMATCHED: {
    text: '{count} des {rows} lignes de {main} {count|n\'a|n\'ont} pas de ligne dans {file} par {keys} ({count|ligne|la première : ligne} {row}, {values}) : {count|elle est gardée|elles sont gardées}, avec les colonnes de {file} vides.',
    action: 'Vérifiez les clés (numéros de ligne, numéros de ménage) ; si ces lignes devraient avoir une correspondance, les fichiers viennent peut-être de versions différentes de l\'enquête.',
  },
  JOIN_NO_MATCH: {
    text: 'Jointure {name} : aucune ligne de {main} ne correspond à une ligne de {file} par {keys}. {main} contient des clés comme {mine} ; {file} contient {theirs}.',
    action: 'Indiquez les colonnes qui contiennent les mêmes identifiants dans les deux fichiers (la documentation de l\'enquête les nomme) dans le fichier d\'analyse, joins[].on, et ouvrez-le avec ses fichiers ; ou ouvrez les fichiers un par un pour vérifier leurs clés. Des clés qui diffèrent par les majuscules (« CENT-R », « cent-r ») ou la numérotation ne correspondent pas : corrigez-les dans le fichier. Les nombres entiers correspondent quelle que soit leur écriture (« 01 », « 1.0 », « 1 »).',
  },
  JOIN_KEY_CASE: {
    text: 'La jointure {name} a besoin de la colonne clé « {column} », absente de {file} ; le fichier a « {actual} », le même nom avec d\'autres majuscules.',
    action: 'Écrivez « {actual} » pour cette clé dans la jointure (joins[].on dans le fichier d\'analyse, ou choisissez à nouveau la colonne dans l\'application) : les noms sont comparés exactement, majuscules comprises.',
  },
  JOIN_KEY_MISSING: {
    text: 'La jointure {name} a besoin de la colonne clé « {column} », qui n\'est pas dans {file}.',
    action: 'Vérifiez les clés de la jointure (joins[].on) d\'après les colonnes de {file} et de {other}.',
  },
  JOIN_KEY_DUPLICATE: {
    text: 'Jointure {name} : des lignes de {main} correspondent à plus d\'une ligne de {file} par {keys} : {values} (lignes de {file} entre parenthèses). Une jointure apporte une seule ligne à chaque ligne de {main}.',
    action: 'Vérifiez les clés : un fichier ménages se joint par ménage (HH1, HH2), un fichier membres par ménage et numéro de ligne (HH1, HH2, HL1). Si ces lignes de {file} sont des personnes différentes (un fichier membres joint à un fichier ménages), prenez comme fichier principal celui qui a une ligne par enfant et joignez-y {main} ; ne retirez des lignes de {file} que si ce sont de vraies copies.',
  },
  JOIN_COLUMN_CLASH: {
    text: 'Jointure {name} : la colonne « {column} » de {file} s\'appellerait « {taken} », nom déjà pris.',
    action: 'Donnez un préfixe à la jointure (joins[].prefix) ou listez les colonnes qu\'elle apporte (joins[].columns).',
  },
  FILESET_NOT_JOINED: {
    text: '{main} a été pris comme fichier principal (une ligne par enfant) ; {files} {count|n\'a pas été joint|n\'ont pas été joints} : aucune colonne clé ne {count|le|les} relie à {main} à raison d\'une ligne par enfant.',
    action: 'Ouvrez ensemble les fichiers d\'une même enquête : le fichier des enfants (ou des membres) avec ses fichiers ménages et membres. Pour joindre un autre fichier, écrivez sa jointure (fichier et colonnes clés, joins[].on) dans le fichier d\'analyse et ouvrez celui-ci avec ses fichiers.',
  },
  FILESET_FILE_MISSING: {
    text: 'L\'analyse lit le fichier de données {file}, qui n\'est pas parmi les fichiers ouverts ({opened}).',
    action: 'Ouvrez {file} avec les autres fichiers que nomme l\'analyse (un fichier est reconnu à son nom).',
  },
  LONELY_PSU_FAIL: {
    text: "{file} : {count|la strate|les strates} {strata} de la colonne « {column} » {count|n'a|n'ont} qu'une seule UPE. La règle « arrêter » s'applique.",
    action: 'Choisissez une règle pour les strates à une seule UPE (ajuster, moyenne, retirer ou UPE certaine), ou regroupez ces strates avec une voisine.',
  },
  LONELY_PSU_PRESENT: {
    text: "{count} {count|strate n'a|strates n'ont} qu'une seule UPE ({strata}) ; {count|sa|leur} variance suit la règle « {policy} ».",
    action: 'Indiquez dans le rapport la règle utilisée pour les strates à une seule UPE.',
  },
  DOMAIN_EMPTY: {
    text: "Le domaine {domain} n'a aucun enfant dont la valeur de {indicator} est connue.",
    action: 'Rien à faire ; la cellule reste vide.',
  },
  CI_UNDEFINED: {
    text: "L'intervalle {method} n'est pas défini pour {domain} (estimation {estimate}, {df} {df|degré|degrés} de liberté).",
    action: "Publiez l'estimation avec son effectif non pondéré ; envisagez l'intervalle de Korn-Graubard pour les estimations de 0 ou 100 %.",
  },
  ENGINE_OUT_OF_MEMORY: {
    text: "L'application a manqué de mémoire en traitant {file} ({detail}) : son moteur dispose d'au plus 4 Go de mémoire WebAssembly. Aucun résultat n'a été affiché.",
    action: "Utilisez la ligne de commande, qui n'a pas cette limite et donne les mêmes chiffres : enregistrez le fichier d'analyse (étape Définir), puis lancez  clstats run ANALYSE.clstats  (voir le README, « Command line »).",
  },
  ENGINE_FAILED: {
    text: 'Le moteur de calcul a échoué : {detail}.',
    action: "C'est une erreur du programme ou un fichier non pris en charge ; signalez-la avec le fichier d'analyse (pas les données).",
  },
  NETWORK_BLOCKED: {
    text: "Le moteur a refusé d'accéder à l'extérieur de l'ordinateur : {detail}.",
    action: 'Rien ne quitte la machine, par conception. Ouvrez uniquement des fichiers locaux.',
  },
  CLI_USAGE: {
    text: '{detail}',
    action: 'Lancez « clstats --help » pour les commandes et les options.',
  },
  OUTPUT_IS_INPUT: {
    text: "{option} {file} est le même fichier que {input}, que cette commande lit ; y écrire l'écraserait. Rien n'a été écrit.",
    action: "Donnez un autre nom de fichier à {option} ; clstats ne modifie jamais ses fichiers d'entrée.",
  },
  OUTPUT_IS_FOLDER: {
    text: "{option} {file} est un dossier, pas un fichier. Rien n'a été écrit.",
    action: "Donnez à {option} le nom d'un fichier (dans ce dossier si vous le souhaitez).",
  },
  OUTPUT_FOLDER_MISSING: {
    text: "Le dossier {folder} de {option} {file} n'existe pas. Rien n'a été calculé ni écrit.",
    action: "Créez d'abord le dossier, ou corrigez le chemin.",
  },
  OUTPUT_WRITE_FAILED: {
    text: "{file} n'a pas pu être écrit : {detail}. Un fichier existant de ce nom reste inchangé.",
    action: "Vérifiez que le dossier est accessible en écriture, que le disque a de la place et que le fichier n'est pas ouvert dans un autre programme, puis relancez.",
  },
  // --- survey rounds (analysis/rounds/) ----------------------------------------------------------
  ROUNDS_TOO_FEW: {
    text: "Le fichier d'analyse {file} a {count} {count|passage|passages} sous « rounds » ; une comparaison en demande au moins deux.",
    action: "Ajoutez le passage de suivi (son libellé, son année, son fichier de données et sa correspondance), ou donnez les données et la correspondance au premier niveau pour une seule enquête.",
  },
  ROUNDS_FILE_NAMES_SHARED: {
    text: 'Les passages {first} et {second} lisent chacun un fichier nommé {name} : deux fichiers différents du même nom. L\'application ne distingue les fichiers ouverts que par leur nom, et lirait l\'un des deux pour les deux passages.',
    action: 'Renommez les fichiers d\'un passage (2017_{name}, par exemple) et leurs chemins dans le fichier d\'analyse, puis ouvrez-les de nouveau ; ou exécutez l\'analyse en ligne de commande (clstats run), qui lit chaque fichier dans son dossier.',
  },
  ROUNDS_SAME_DATA_FILE: {
    text: 'Les passages {first} et {second} de {file} lisent le même fichier de données, {path} : leurs estimations seraient les mêmes, et chaque évolution nulle.',
    action: 'Donnez à chaque passage son propre fichier de données (le dossier de chaque passage : 2017/fs.sav, 2023/fs.sav). Une analyse enregistrée par l\'application nomme les fichiers sans leurs dossiers : placez les fichiers de chaque passage dans un dossier à part et écrivez les dossiers dans les chemins.',
  },
  ROUNDS_LABEL_DUPLICATE: {
    text: 'Deux passages de {file} ont le libellé « {round} ».',
    action: 'Donnez à chaque passage son propre libellé (« MICS 2017 », « MICS 2023 ») : les tableaux et les évolutions nomment les passages ainsi.',
  },
  ROUNDS_YEARS_NOT_INCREASING: {
    text: 'Dans {file}, le passage « {round} » ({year}) est listé après le passage « {previous} » ({previousYear}) mais n’est pas postérieur.',
    action: "Listez les passages du plus ancien au plus récent, chacun avec une année postérieure à celle du précédent (décimales permises : 2017,5).",
  },
  ROUNDS_DATA_MISSING: {
    text: 'Le passage « {round} » de {file} ne nomme aucun fichier de données (rounds[{index}].data).',
    action: "Donnez au passage une entrée « data » avec le chemin de son fichier de données, relatif au fichier d'analyse.",
  },
  ROUND_CODES_NOT_IN_CATEGORIES: {
    text: "Passage « {round} » : {count} {count|code|codes} de {dimension} ({column} dans {file}) {count|n'est|ne sont} pas parmi les catégories des passages ({categories}) : {codes}. {count|C'est une catégorie|Ce sont des catégories} de ce seul passage : {count|ses évolutions n'ont|leurs évolutions n'ont} pas d'estimation dans les autres passages.",
    action: "S'il s'agit des mêmes catégories écrites autrement (01 pour 1) ou renumérotées, ramenez-les aux codes communs par un recodage ({field} dans le passage, ou l'étape Variables) ; si la catégorie est nouvelle dans ce passage, rien à faire.",
  },
  ROUND_LABELS_DIFFER: {
    text: "Passage « {round} » : {count} {count|code|codes} de {dimension} ({column} dans {file}) {count|porte|portent} dans le fichier un autre libellé que dans les catégories des passages (code = libellé du fichier / libellé commun) : {pairs}. Les passages sont comparés code par code : si le fichier numérote ses catégories à sa façon, ces codes sont comparés à d'autres catégories.",
    action: "Vérifiez les livres de codes de l'enquête. Si le passage numérote ses catégories autrement, ramenez ses codes aux codes communs par un recodage ({field} dans le passage) ; si seuls les libellés diffèrent dans leur formulation, rien à faire.",
  },
  ROUND_LABELS_DIFFER_FIRST: {
    text: "Passage « {round} » : {count} {count|code|codes} de {dimension} ({column} dans {file}) {count|porte|portent} dans le fichier un autre libellé que dans le passage « {other} » (code = libellé de ce passage / de l'autre) : {pairs}. Les passages sont comparés code par code : si ce passage numérote ses catégories à sa façon, ces codes sont comparés à d'autres catégories.",
    action: "Vérifiez les livres de codes de l'enquête. Si le passage numérote autrement ses catégories, ramenez ses codes sur ceux du premier passage par un recodage ({field} dans le passage) et nommez les catégories communes (categories dans le fichier des passages) ; si seuls les libellés diffèrent dans leur formulation, rien à faire.",
  },
  ROUND_CODES_SPELLED: {
    text: "Passage « {round} » : {count} {count|code|codes} de {dimension} ({column} dans {file}) {count|écrit|écrivent} un nombre autrement que le passage « {other} » (ce passage / l'autre) : {pairs}. Les passages sont comparés code par code : {count|cette catégorie n'a|ces catégories n'ont} donc aucune évolution entre eux, chacune étant une catégorie d'un seul passage.",
    action: "S'il s'agit des mêmes catégories, donnez à ce passage les codes de l'autre par un recodage : {field} : {recode} dans le passage (ou à l'étape Variables), ou nommez les catégories communes (categories dans le fichier des passages).",
  },
  ROUNDS_NOT_MEASURED: {
    text: 'Le passage « {round} » ne fait pas correspondre {roles}, dont « {framework} » a besoin : les indicateurs qui en dépendent ne sont pas estimés pour ce passage, et leurs évolutions sont marquées non comparables.',
    action: "Faites la correspondance dans ce passage si son questionnaire avait le module ; sinon, comparez seulement les indicateurs que ce passage peut mesurer.",
  },
  ROUND_EMPLOYMENT_DIFFERS: {
    text: 'Le passage « {round} » affecte le rôle « {role} » et le passage « {other} » ne l\'affecte pas : les enfants occupés, et le travail des enfants et le travail dangereux comptés parmi eux, viennent d\'autres questions dans les deux passages, et leurs évolutions en portent aussi la différence.',
    action: 'Affectez-le dans les deux passages si les deux enquêtes l\'ont posé ; sinon, dites-le avec les évolutions.',
  },
  ROUND_AGES_DIFFER: {
    text: "Le passage « {round} » n'a aucun enfant du champ âgé de {ages} ans dont l'indicateur est connu, et le passage « {other} » en a (un module enfant posé à une tranche d'âges plus étroite, un univers qui les exclut, ou des heures non demandées à ces âges aux enfants qui ont travaillé) : les totaux, et tous les domaines qui comprennent ces âges, portent sur d'autres enfants dans un passage que dans l'autre. Leurs évolutions sont marquées non comparables ; les groupes d'âge que les deux passages couvrent sont comparés.",
    action: "Comparez les groupes d'âge que les deux passages couvrent. Une évolution des totaux demande des passages des mêmes âges.",
  },
  RECODE_CODE_NOT_LISTED: {
    text: "La colonne « {column} » ({role}) de {file} a {count} {count|ligne|lignes} avec le code « {value} », que son recodage ne liste pas (première à la ligne {row}). {count|Elle garde|Elles gardent} le code tel qu'écrit : une catégorie à part, comparée seulement au même code dans les autres passages.",
    action: 'Ajoutez « {value} » au recodage avec le code commun qu’il désigne, ou déclarez-le manquant dans le fichier de données.',
  },
  RECODE_CODE_CLASH: {
    text: "La colonne « {column} » ({role}) de {file} a {count} {count|ligne|lignes} avec le code « {value} », que son recodage ne liste pas mais qui est l'un des codes communs vers lesquels il recode (première à la ligne {row}) : {count|elle serait comptée|elles seraient comptées} dans cette catégorie commune sans y être listée{count||s}.",
    action: 'Listez « {value} » dans le recodage avec le code commun qu’il désigne (recodez-le en « {value} » s’il s’agit de cette catégorie).',
  },
  COMPARE_DEFINITIONS_DIFFER: {
    text: "Les fichiers d'analyse {baseline} et {followup} ne mesurent pas la même chose ; ils diffèrent par : {differences}.",
    action: "Donnez aux deux fichiers les mêmes cadres et règles, groupes d'âge, indicateurs, ventilations et options d'estimation (seuls les données, les jointures, la correspondance et le titre peuvent différer), puis comparez de nouveau.",
  },
};
