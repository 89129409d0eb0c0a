import type { messages as EN } from '../en/messages.js';

/** The messages of the statistical core in Spanish, by code (English: ../en/messages.ts). */
export const messages: typeof EN = {
  ANALYSIS_FILE_UNREADABLE: {
    text: 'No se pudo leer el archivo de análisis {file}: {detail}.',
    action: 'Verifique la ruta y que el archivo sea JSON guardado por esta aplicación o escrito según docs/analysis-file.md.',
  },
  ANALYSIS_FILE_IS_FOLDER: {
    text: 'El archivo de análisis {file} es una carpeta, no un archivo.',
    action: 'Indique la ruta del propio archivo de análisis (por ejemplo, un archivo .clstats o .json de esa carpeta).',
  },
  ANALYSIS_FILE_NOT_REGULAR: {
    text: 'El archivo de análisis {file} no es un archivo normal (es una tubería con nombre, un dispositivo o un socket), por lo que no se leyó.',
    action: 'Guarde el análisis en un archivo normal (paso Definir de la aplicación, o un editor de texto) e indique la ruta de ese archivo.',
  },
  ANALYSIS_FILE_INVALID: {
    text: 'El archivo de análisis {file} no es válido en {path}: {detail}.',
    action: 'Corrija esa entrada; docs/analysis-file.md describe cada campo y sus valores permitidos.',
  },
  FRAMEWORK_UNKNOWN_PRESET: {
    text: 'No existe el marco de medición predefinido «{preset}».',
    action: 'Use uno de estos: {known}.',
  },
  FRAMEWORK_INVALID: {
    text: 'El marco de medición «{framework}» no es válido: {detail}.',
    action: 'Corrija la definición del marco (tramos de edad de menor a mayor, umbrales numéricos).',
  },
  FRAMEWORK_NEEDS_ROLE: {
    text: 'El marco de medición «{framework}» necesita la variable «{role}», que no está asignada.',
    action: 'Asigne una columna del archivo de datos a «{role}», o elija un marco de medición que no la use.',
  },
  FRAMEWORK_UNKNOWN_CONDITION: {
    text: 'El marco de medición «{framework}» cuenta la condición peligrosa «{condition}», que no está asignada.',
    action: 'Asígnela en las condiciones peligrosas (mapping.hazards), o quítela de las condiciones del marco.',
  },
  HAZARD_PART_UNMAPPED: {
    text: 'El trabajo peligroso según «{framework}» deja fuera {part}: la variable no está asignada.',
    action: 'Asigne {part} si la encuesta lo preguntó; si no, indique en el informe que el trabajo peligroso lo excluye.',
  },
  DUPLICATE_FRAMEWORK_ID: {
    text: 'Dos marcos de medición tienen el identificador «{framework}».',
    action: 'Dé a la copia modificada su propio identificador.',
  },
  DATA_FILE_UNREADABLE: {
    text: 'No se pudo leer el archivo de datos {file}: {detail}.',
    action: 'Verifique que el archivo exista, que no esté abierto en otro programa y que sea un archivo CSV, Parquet, SPSS, Stata o Excel.',
  },
  DATA_FILE_IS_FOLDER: {
    text: 'El archivo de datos {file} es una carpeta, no un archivo.',
    action: 'En el archivo de análisis, haga que data.path apunte al propio archivo de datos (CSV, Parquet, SPSS, Stata o Excel), no a su carpeta.',
  },
  DATA_FILE_NOT_REGULAR: {
    text: 'El archivo de datos {file} no es un archivo normal (es una tubería con nombre, un dispositivo o un socket); leerlo podría no terminar nunca, por lo que no se leyó.',
    action: 'Guarde los datos en un archivo normal y haga que data.path del archivo de análisis apunte a él.',
  },
  DATA_TOO_LARGE_FOR_APP: {
    text: 'El archivo de datos {file} es demasiado grande para la aplicación: unas {rows} filas de {columns} columnas, y la aplicación admite como máximo unas {limit} filas de ese ancho en sus 4 GB de memoria WebAssembly. No se cargó.',
    action: 'Use la línea de comandos, que no tiene ese límite y da las mismas cifras: guarde el archivo de análisis (paso Definir) y luego ejecute  clstats run ANALISIS.clstats  (vea el README, «Command line»).',
  },
  DATA_FILE_OVER_APP_LIMIT: {
    text: 'El archivo de datos {file} ocupa {size} GB; la aplicación lee archivos de 1 GB como máximo, así que no se leyó.',
    action: 'Use la línea de comandos, que no tiene ese límite y da las mismas cifras: guarde el archivo de análisis (paso Definir) y luego ejecute  clstats run ANALISIS.clstats  (vea el README, «Command line»).',
  },
  DATA_FILE_EMPTY: {
    text: 'El archivo de datos {file} no tiene filas de datos.',
    action: 'Verifique que eligió el archivo correcto y que tiene una fila de encabezado seguida de datos.',
  },
  DATA_FORMAT_UNKNOWN: {
    text: 'El archivo de datos {file} no está en un formato que esta aplicación lea: {detail}.',
    action: 'Guárdelo como CSV, TSV, Parquet, SPSS (.sav, .zsav), Stata (.dta) o Excel (.xlsx) y abra ese archivo.',
  },
  DATA_NOT_TEXT: {
    text: 'El archivo de datos {file} no parece un archivo de texto (CSV): {detail}.',
    action: 'Verifique que eligió el archivo correcto; si es una hoja de cálculo o un archivo estadístico, guárdelo como CSV o ábralo en su propio formato.',
  },
  DATA_DECIMAL_COMMA_LIKELY: {
    text: 'Los números de {file} parecen escritos con coma decimal: la columna «{column}» contiene «{example}», leído como texto.',
    action: 'Marque «Los números usan coma decimal» en el paso Datos (en un archivo de análisis: data.decimalComma: true); si no, un peso o unas horas escritos así no pueden leerse como números.',
  },
  DATA_ENCODING_GUESSED: {
    text: 'El archivo de datos {file} no está en UTF-8; se leyó como {encoding} (primer byte no UTF-8 en la línea {line}).',
    action: 'Verifique que nombres como {sample} se lean correctamente; si no, indique data.encoding.',
  },
  DATA_ENCODING_MIXED: {
    text: 'El archivo de datos {file} mezcla dos codificaciones de texto: texto UTF-8 (primero en la línea {utf8Line}) y bytes que no son UTF-8 (primero en la línea {line}), por lo que algunos nombres se leerían mal.',
    action: 'Guarde de nuevo el archivo como UTF-8 desde el programa que lo produjo, o indique data.encoding ("utf-8" o "windows-1252") para leerlo de una sola manera.',
  },
  DATA_ENCODING_INVALID: {
    text: 'El archivo de datos {file} no es {encoding} válido (primero en la línea {line}), aunque data.encoding lo indica.',
    action: 'Quite data.encoding para que se detecte la codificación, o indique la correcta ("windows-1252" para la mayoría de los archivos antiguos de Windows).',
  },
  DATA_ENCODING_BOM: {
    text: 'El archivo de datos {file} empieza con una marca de orden de bytes {encoding}: se leyó como {encoding}, no como {declared} según indica data.encoding.',
    action: 'Verifique que los nombres con acentos se lean correctamente y quite data.encoding del archivo de análisis (probablemente el archivo se guardó de nuevo en {encoding}).',
  },
  DATA_CSV_MALFORMED: {
    text: 'El archivo de datos {file} no es un archivo {kind} bien formado en la línea {line}: {detail}.',
    action: 'Verifique esa línea (un delimitador que falta o sobra, o una comilla sin cerrar); un archivo cortado necesita una copia completa. Si el archivo usa otro delimitador, indíquelo (data.delimiter en el archivo de análisis).',
  },
  DATA_LINE_TOO_LONG: {
    text: 'La línea {line} del archivo de datos {file} tiene {bytes} bytes, más que los {limit} bytes que puede tener una línea de datos de encuesta: uno de sus campos contiene algo que no es una respuesta de encuesta (un documento pegado o una exportación dañada).',
    action: 'Abra el archivo en un editor de texto o una hoja de cálculo, corrija o elimine esa línea y guárdelo de nuevo.',
  },
  DATA_DELIMITER_SUSPECT: {
    text: 'El archivo de datos {file} leído con el delimitador {delimiter} tiene una sola columna («{column}»), que contiene {suspect}.',
    action: 'Indique {suspect} como data.delimiter, o quite data.delimiter para que se detecte.',
  },
  DATA_COLUMN_DUPLICATE: {
    text: 'El archivo de datos {file} tiene dos columnas con el mismo nombre: «{other}» (columna {first}) y «{column}» (columna {second}); los nombres se comparan sin distinguir mayúsculas ni los espacios que los rodean.',
    action: 'Cambie el nombre de una de ellas en el archivo, para que cada variable lea la columna que usted quiere.',
  },
  DATA_COLUMN_DUPLICATE_RENAMED: {
    text: 'La columna {at} de {file} tiene el mismo nombre que la columna {otherAt}, «{column}»: se lee con el nombre «{renamed}», y «{column}» es la columna {otherAt}.',
    action: 'Nada que hacer si ninguna variable lee la columna {at}; si no, asigne «{renamed}», o cambie el nombre de la columna en el archivo.',
  },
  DATA_COLUMN_CASE_RENAMED: {
    text: 'La columna {at} de {file}, «{column}», solo difiere de la columna {otherAt}, «{other}», en las mayúsculas, que la aplicación no distingue: se lee con el nombre «{renamed}».',
    action: 'Nada que hacer si ninguna variable lee «{column}»; si no, asigne «{renamed}», o cambie el nombre de la columna en el archivo.',
  },
  DATA_COLUMN_RESERVED_RENAMED: {
    text: 'La columna {at} de {file} se llama «{column}», el nombre que el motor de la aplicación da a sus propios números de fila: se lee con el nombre «{renamed}».',
    action: 'Nada que hacer si ninguna variable la lee; si no, asigne «{renamed}» (el script R y el archivo do exportados leen los nombres del archivo: para ellos, cambie el nombre de la columna en una copia del archivo).',
  },
  DATA_BLANK_ROWS_INSIDE: {
    text: '{count} {count|fila|filas} de {file} entre sus filas de datos, la primera de ellas la fila {first}, no {count|tiene|tienen} valor en ninguna columna leída (filas vacías de una hoja, líneas vacías, o líneas solo de delimitadores o espacios): no se {count|lee|leen}.',
    action: 'Nada que hacer.',
  },
  DATA_CSV_HEADER_DELIMITER: {
    text: 'La línea de encabezado de {file} termina con un delimitador, que añade una columna {position}, sin nombre y vacía en todas las líneas: esa columna no se lee.',
    action: 'Nada que hacer.',
  },
  DATA_CSV_ROW_NAMES: {
    text: 'La línea de encabezado de {file} nombra una columna menos de las que tienen sus líneas de datos, como write.table de R escribe un data frame con sus nombres de fila: el primer campo de cada línea se lee como una columna {column}, los demás con los nombres del encabezado.',
    action: 'Nada que hacer, salvo que el archivo no se haya escrito así: entonces revise su línea de encabezado.',
  },
  DATA_BLANK_ROWS_SKIPPED: {
    text: '{count} {count|fila|filas} al final de {file}, desde la fila {first}, no {count|tiene|tienen} valor en ninguna columna leída (filas vacías de una hoja de cálculo guardadas con sus delimitadores, o notas bajo los datos en columnas que el análisis no lee): no se {count|lee|leen}.',
    action: 'Nada que hacer.',
  },
  DATA_NOTE_ROWS_SKIPPED: {
    text: '{count} {count|fila|filas} al final de {file}, desde la fila {first}, {count|es una nota|son notas o filas vacías} bajo los datos («{note}»), sin ningún número en ninguna columna: no se {count|lee|leen}.',
    action: 'Nada que hacer si {count|esta fila no es|estas filas no son} datos de la encuesta.',
  },
  DATA_SAV_UNREADABLE: {
    text: 'No se pudo leer el archivo SPSS {file}: {detail}.',
    action: 'Verifique que el archivo esté completo (cópielo de nuevo) y se abra en SPSS o PSPP; guárdelo de nuevo desde allí si es necesario.',
  },
  DATA_DTA_UNREADABLE: {
    text: 'No se pudo leer el archivo Stata {file}: {detail}.',
    action: 'Verifique que el archivo esté completo (cópielo de nuevo) y se abra en Stata; guárdelo de nuevo desde allí si es necesario.',
  },
  DATA_DTA_VERSION: {
    text: 'El archivo Stata {file} está en una versión de formato que esta aplicación no lee: {detail}.',
    action: 'Guárdelo desde Stata con «saveold» (formatos 113 a 119, Stata 8 a 18), o expórtelo como CSV.',
  },
  DATA_PARQUET_UNREADABLE: {
    text: 'No se pudo leer el archivo Parquet {file}: {detail}.',
    action: 'Verifique que el archivo esté completo (cópielo de nuevo); escríbalo de nuevo desde el programa que lo produjo si es necesario.',
  },
  DATA_XLSX_UNREADABLE: {
    text: 'No se pudo leer el archivo Excel {file}: {detail}.',
    action: 'Ábralo en Excel o LibreOffice y guárdelo de nuevo como .xlsx, o guarde la hoja como CSV.',
  },
  DATA_XLSX_SHEET_UNKNOWN: {
    text: 'El archivo Excel {file} no tiene la hoja {sheet}.',
    action: 'Elija una de sus hojas: {sheets}.',
  },
  DATA_XLSX_SHEET_EMPTY: {
    text: 'La hoja «{sheet}» de {file} no tiene filas de datos.',
    action: 'Elija la hoja que contiene los datos de la encuesta, una fila de encabezado seguida de los datos (el paso Datos lista las hojas; data.sheet en el archivo de análisis).',
  },
  DATA_XLSX_ERROR_CELLS: {
    text: 'La hoja «{sheet}» de {file} tiene {count} {count|celda|celdas} con un error de Excel como #N/A o #DIV/0!, en {columnCount|la columna|las columnas} {columns} (primero en la celda {cell}). {count|Se lee|Se leen} como valor faltante, como un código que el archivo declara faltante (valor desconocido en cada variable: horas desconocidas, no 0 horas), nunca como una celda vacía.',
    action: 'Nada que hacer si esos valores son desconocidos; si no, corrija las fórmulas del libro y vuelva a cargarlo.',
  },
  DATA_XLSX_MERGED_FILLED: {
    text: 'La hoja «{sheet}» de {file} tiene {count} {count|rango|rangos} de celdas combinadas en sus filas de datos (el primero {range}): cada uno se leyó con su valor en cada fila y columna que cubre, como lo muestra Excel (el libro guarda el valor solo en la primera celda).',
    action: 'Nada que hacer si cada valor combinado vale para todas las filas que cubre (una región escrita una vez sobre sus filas). Un CSV guardado desde la hoja guarda el valor solo en la primera fila: leído desde ese CSV (o por el script R exportado, que lee uno), las demás filas quedan vacías.',
  },
  DATA_XLSX_TIME_AS_HOURS: {
    text: 'La hoja «{sheet}» de {file} muestra {count} {count|celda|celdas} con formato de hora (la primera: {cell}), en {columns}: Excel guarda 12:30 como 0,52 (una fracción de día). {count|Se lee|Se leen} como las horas que Excel muestra (12:30 son 12,5 horas).',
    action: 'No hay nada que hacer si son horas trabajadas (una duración). Si una columna contiene horas del día, no la asigne a las horas trabajadas. Un CSV guardado desde la hoja las escribe como 12:30, que no es un número: lea el propio libro.',
  },
  DATA_XLSX_TIME_WHOLE_DAYS: {
    text: 'La hoja «{sheet}» de {file} tiene {count} {count|celda|celdas} con formato de hora que {count|contiene|contienen} un número entero de días (la primera: {cell}), que Excel muestra como 24:00, 48:00, etc.: se leen como 24, 48... horas. Un número escrito en una celda con formato de hora (5 por 5 horas) se guarda así también, y se leería como 5 días de horas.',
    action: 'Revise esas celdas en Excel: si muestran 120:00 donde se querían 5 horas, corríjalas (escriba 5:00) y guarde de nuevo el libro.',
  },
  DATA_SAV_TIME_SECONDS: {
    text: 'Columnas de {file} con formato de hora de SPSS contienen segundos (12:30 se guarda como 45000): {columns}. Se leen como los números guardados; como horas trabajadas serían 3600 veces demasiado grandes.',
    action: 'Si una columna contiene horas trabajadas, conviértala en horas antes de cargarla (SPSS: COMPUTE horas = CL3 / 3600. R: as.numeric(x) / 3600) y asigne la nueva columna; si no, no hay nada que hacer.',
  },
  DATA_XLSX_FORMULA_UNCALCULATED: {
    text: 'La hoja «{sheet}» de {file} tiene {count} {count|celda|celdas} de fórmula sin resultado calculado (la primera en {cell}): el libro fue escrito por un programa y nunca calculado. Se {count|lee|leen} como {count|faltante|faltantes} (código #UNCALCULATED), nunca como 0 ni como celda vacía.',
    action: 'Abra el libro en Excel o LibreOffice, guárdelo (así se calculan las fórmulas) y cárguelo de nuevo.',
  },
  DATA_XLSX_TITLE_SKIPPED: {
    text: 'La hoja «{sheet}» de {file} empieza con {count} {count|fila de título|filas de título} («{title}»), {count|omitida|omitidas}: la fila {row} se lee como encabezado, sus celdas dan nombre a las columnas. Las filas citadas en los demás mensajes se cuentan desde la primera fila bajo el encabezado (la fila 1 es la fila {first} de la hoja).',
    action: 'Nada que hacer si la fila {row} contiene los nombres de las columnas; si no, borre las filas por encima del encabezado en el libro (o guarde la hoja como CSV desde la fila del encabezado) y vuelva a cargarlo.',
  },
  DATA_CSV_LINE_ENDS_MIXED: {
    text: '{file} mezcla finales de línea: {crlf} Windows (CR LF), {lf} Unix (LF), {cr} otros (CR solo, o CR CR LF). Se leyó con cada uno como un final de línea, como lo leen R y Excel; el archivo en sí no se modifica. El tipo menos frecuente termina primero la línea {line}.',
    action: 'Nada que hacer. Estos archivos vienen de líneas añadidas o archivos unidos en programas distintos: si pudo añadirse alguna fila a mano, compruebe que corresponde.',
  },
  DATA_CSV_TITLE_SKIPPED: {
    text: '{file} empieza con {count} {count|línea de título|líneas de título} («{title}»), {count|omitida|omitidas}: la línea {line} se lee como encabezado, sus campos dan nombre a las columnas. Las filas citadas en los demás mensajes se cuentan desde la primera línea bajo el encabezado (la fila 1 es la línea {first} del archivo).',
    action: 'Nada que hacer si la línea {line} contiene los nombres de las columnas; si no, borre las líneas por encima del encabezado y vuelva a cargar el archivo.',
  },
  DATA_XLSX_SHEET_CHOSEN: {
    text: 'La primera hoja de {file}, «{first}», no tiene filas de datos o no tiene las columnas asignadas: se leyó la hoja «{sheet}», la primera que las tiene.',
    action: 'Nada que hacer si «{sheet}» contiene los datos de la encuesta; si no, indique la hoja que se debe leer (data.sheet en el archivo de análisis).',
  },
  DATA_XLSX_HIDDEN_SHEET_READ: {
    text: 'Ninguna hoja visible de {file} tiene filas de datos y las columnas asignadas («{first}» es la primera visible): se leyó la hoja oculta «{sheet}», la primera que las tiene.',
    action: 'Compruebe que la hoja oculta «{sheet}» contiene los datos de la encuesta y no una copia antigua o de trabajo; indique la hoja que se debe leer (data.sheet en el archivo de análisis, o la lista de hojas del paso Datos) para estar seguro.',
  },
  DATA_XLSX_SHEETS_SAME_COLUMNS: {
    text: 'Se leyó la hoja «{sheet}» de {file}; {count|la hoja|las hojas} {others} {count|tiene|tienen} las mismas columnas y no se {count|lee|leen}: solo se lee una hoja de un libro.',
    action: 'Si la encuesta está repartida en esas hojas (por área o región), copie sus filas debajo de las de «{sheet}» en una sola hoja de una copia del libro, o guárdelas como un solo archivo CSV, y cárguelo. Nada que hacer si {count|la otra hoja es|las otras hojas son} otra ronda u otra versión.',
  },
  DATA_USER_MISSING: {
    text: 'Columna «{column}» ({role}) de {file}: {count} {count|celda contiene|celdas contienen} códigos que el archivo declara faltantes ({codes}); {count|se lee como faltante|se leen como faltantes}.',
    action: 'No hay nada que hacer si esos códigos significan «no sabe» o «no responde». Un código que indica que la pregunta no se formuló (un niño que no trabaja) solo se lee así si figura en «códigos de pregunta no formulada» en el paso Variables (notAsked en el archivo de análisis): entonces cuenta como una celda vacía del rol (0 horas, no o desconocido, como sus celdas vacías).',
  },
  MAP_UNKNOWN_COLUMN: {
    text: 'La variable «{role}» está asignada a la columna «{column}», que no está en {file}.',
    action: 'Elija una de las columnas del archivo para «{role}» (el archivo tiene: {available}).',
  },
  MAP_COLUMN_LOOKALIKE: {
    text: 'La variable «{role}» está asignada a la columna «{column}», que no está en {file}; el archivo tiene «{actual}», que parece igual pero se escribe con otros caracteres: {detail}.',
    action: 'Elija la columna del archivo para «{role}» en el paso Variables (el archivo de análisis guarda entonces su nombre tal como lo escribe el archivo), o cambie el nombre de la columna en el archivo.',
  },
  MAP_COLUMN_CASE: {
    text: 'La variable «{role}» está asignada a la columna «{column}», que no está en {file}; el archivo tiene «{actual}», el mismo nombre con otras mayúsculas.',
    action: 'Escriba «{actual}» para «{role}» en la asignación: los nombres se comparan exactamente, mayúsculas incluidas.',
  },
  VALUE_NOT_ASKED_MARK: {
    text: 'La columna «{column}» ({role}) de {file} contiene «{value}» en la fila {row} ({count} {count|fila|filas} en total): la marca de Survey Solutions de una pregunta que su condición dejó fuera, para un niño o niña a quien no se le formuló.',
    action: 'Declárela como código de pregunta no formulada: notAsked: ["{value}"] en el archivo de análisis («códigos de pregunta no formulada» en el paso Variables); se lee entonces como las celdas vacías del rol (0 horas si las celdas vacías valen 0 horas). Declarada faltante, dejaría desconocidas las horas de cada uno de esos niños.',
  },
  VALUE_NOT_NUMERIC: {
    text: 'La columna «{column}» ({role}) de {file} tiene texto que no es un número en la fila {row}: «{value}» ({count} {count|fila|filas} en total; cada texto con sus filas: {texts}).',
    action: 'Corrija esas celdas (una edad o un factor de expansión debe ser un número; una edad desconocida es una celda vacía, un código mayor que 120 o una palabra como «NS», y el niño no queda entonces en ningún dominio) o, para una variable de horas o de sí/no, declare el código faltante: missingCodes en el archivo de análisis, «códigos faltantes» en el paso Variables; para la rama de actividad o la ocupación (un código de «no declarado»), missingCodes en el archivo de análisis.',
  },
  DATA_HEADER_REPEATED: {
    text: '{file} repite su encabezado (los nombres de las columnas) en {count|la fila|las filas} {rows} ({count} {count|fila|filas} en total): parece hecho de archivos puestos uno tras otro, cada uno con su encabezado.',
    action: 'Borre {count|la línea de encabezado repetida|las líneas de encabezado repetidas} y compruebe que ningún niño esté dos veces en el archivo (los mismos datos exportados dos veces y juntados los contarían dos veces); luego vuelva a cargar el archivo.',
  },
  DATA_TOTAL_ROW: {
    text: 'La última fila de {file} (fila {row}) parece una fila de total, no un niño o niña: su peso en «{column}», {value}, es la suma de los pesos de arriba. Leída como un niño o niña contaría como uno, con las sumas de cada columna como respuestas.',
    action: 'Borre la fila de total (y cualquier otra fila de resumen) de los datos y cargue de nuevo el archivo; la aplicación no modifica sus archivos.',
  },
  DATA_LABEL_ROW: {
    text: 'La fila 1 de {file} contiene texto en columnas numéricas ({texts}) y ninguna otra fila lo contiene: parece una fila de etiquetas bajo los nombres de las columnas.',
    action: 'Borre esa fila (conserve los nombres de las columnas) y vuelva a cargar el archivo.',
  },
  VALUE_THOUSANDS_SEPARATOR: {
    text: 'La columna «{column}» ({role}) de {file} tiene números escritos con separador de miles, primero en la fila {row}: «{value}» ({count} {count|fila|filas} en total; cada texto con sus filas: {texts}). Escritos así no son números.',
    action: 'Guarde de nuevo el archivo con números simples (sin separador de miles; en Excel: Formato de celdas, Número, sin «Usar separador de miles») y ábralo otra vez.',
  },
  VALUE_TIME_TEXT: {
    text: 'La columna «{column}» ({role}) de {file} tiene horas escritas como una hora de reloj, primero en la fila {row}: «{value}» ({count} {count|fila|filas} en total; cada texto con sus filas: {texts}). Así escritas no son números.',
    action: 'Dé las horas como números (12:30 son 12,5): convierta la columna antes de cargarla (R: sapply(strsplit(x, ":"), function(p) sum(as.numeric(p) / 60^(seq_along(p) - 1))); Excel: la celda por 24, con formato de número), o, para un CSV guardado desde un libro de Excel, abra el propio libro, que la aplicación lee como Excel muestra las horas. Declararlas faltantes dejaría desconocidas las horas de cada uno de esos niños.',
  },
  VALUE_DECIMAL_COMMA_TEXT_COLUMN: {
    text: 'La columna «{column}» ({role}) de {file} es una columna de texto cuyos números tienen coma decimal, primero en la fila {row}: «{value}» ({count} {count|fila|filas} en total). El propio archivo los guarda como texto, así que data.decimalComma (que lee archivos de texto delimitado) no los cambia.',
    action: 'Convierta la columna en numérica en su programa estadístico y guarde de nuevo el archivo (SPSS: ALTER TYPE tras reemplazar la coma; Stata: destring {column}, replace dpcomma; R: as.numeric(sub(",", ".", x))), o guarde los datos como CSV y ábralo con «Los números usan coma decimal» marcado.',
  },
  VALUE_DECIMAL_COMMA_TEXT_CELLS: {
    text: 'La columna «{column}» ({role}) de {file} tiene números guardados como texto con coma decimal, primero en la fila {row}: «{value}» ({count} {count|fila|filas} en total). Una celda del libro que contiene texto no se lee como número, con o sin data.decimalComma (que se aplica a los archivos de texto delimitado).',
    action: 'En el libro, convierta la columna en números (Datos > Texto en columnas, con la coma como separador decimal) y guárdelo; o guarde la hoja como CSV y ábralo con «Los números usan coma decimal» marcado.',
  },
  VALUE_DECIMAL_COMMA: {
    text: 'La columna «{column}» ({role}) de {file} tiene números escritos con coma decimal, primero en la fila {row}: «{value}» ({count} {count|fila|filas} en total). El archivo se leyó con punto decimal, así que no son números.',
    action: 'Si la coma es el separador decimal (310,9), marque «Los números usan coma decimal» en el paso Datos (en un archivo de análisis: data.decimalComma: true). Si separa los miles (1,234), quítela de las celdas.',
  },
  VALUE_DECIMAL_POINT: {
    text: 'La columna «{column}» ({role}) de {file} tiene números escritos con un punto, primero en la fila {row}: «{value}» ({count} {count|fila|filas} en total), en un archivo leído con coma decimal. Allí el punto separa los miles (1.235 por 1235) o es el punto decimal de otro programa: la aplicación no adivina cuál.',
    action: 'Guarde el archivo con números sin separador de miles (en Excel: formato Número sin «Usar separador de miles»). Si todos los números del archivo tienen punto decimal, desmarque «Los números usan coma decimal» en el paso Datos (data.decimalComma: false).',
  },
  WEIGHT_COLUMN_EMPTY: {
    text: 'La columna de ponderación «{column}» de {file} está vacía en todas las filas que necesitan una ponderación ({count} filas).',
    action: 'No es la ponderación, o las ponderaciones no llegaron a este archivo (una fusión fallida, una columna vaciada al exportar): asigne la ponderación final (MICS: fsweight; DHS: hv005 o v005), o tráigala del archivo de hogares.',
  },
  WEIGHT_MISSING: {
    text: 'La columna de ponderación «{column}» de {file} no tiene ponderación (celda vacía o código que el archivo declara faltante) en {count|la fila|las filas} {rows} ({count} {count|fila|filas} en total).',
    action: 'Cada fila del universo necesita un factor de expansión. Verifique que «{column}» sea la ponderación final. Los niños no entrevistados conservan su fila con ponderación 0 (sin quitarla: sus conglomerados siguen en el diseño); si una columna los distingue (MICS: FS17), asóciela al universo, y sus ponderaciones vacías se leen como 0.',
  },
  WEIGHT_MISSING_OUTSIDE_UNIVERSE: {
    text: 'La columna de ponderación «{column}» de {file} no tiene ponderación (celda vacía o código que el archivo declara faltante) en {count} {count|fila|filas} fuera del universo (primero en la fila {row}): {count|se lee|se leen} con ponderación 0, como MICS pondera las entrevistas incompletas, y {count|sigue|siguen} en el diseño, en ninguna estimación.',
    action: 'Nada que hacer. svydesign() de R rechaza una ponderación faltante: el script R y el archivo do de Stata exportados también las ponen en 0.',
  },
  WEIGHT_NEGATIVE: {
    text: 'La columna de ponderación «{column}» de {file} es negativa en {count|la fila|las filas} {rows} ({count} {count|fila|filas} en total).',
    action: 'Los factores de expansión no pueden ser negativos. Verifique que «{column}» sea la variable de ponderación.',
  },
  WEIGHT_ZERO: {
    text: 'La columna de ponderación «{column}» de {file} vale 0 en {count|la fila|las filas} {rows} ({count} {count|fila|filas} en total). Estas filas permanecen en el diseño (sus conglomerados cuentan) pero no entran en ninguna estimación, conteo no ponderado ni grado de libertad.',
    action: 'Asegúrese de que esas ponderaciones nulas sean intencionales (por ejemplo, niños y niñas que no respondieron y se mantienen en el archivo).',
  },
  WEIGHT_DIVISOR_DECIMALS: {
    text: 'Las ponderaciones de «{column}» de {file} se dividen por {divisor} («factores divididos por»), pero {count} {count|está escrita|están escritas} con decimales (primero en la fila {row}: {value}): las ponderaciones guardadas con decimales implícitos, o multiplicadas como en DHS, son números enteros.',
    action: 'Si las ponderaciones del archivo ya están en unidades, fije «factores divididos por» en 1 en el paso Variables (mapping.weightDivisor): divididas otra vez, cada número de niños y niñas es {divisor} veces demasiado pequeño.',
  },
  STRATUM_MISSING: {
    text: 'La columna de estrato «{column}» de {file} está vacía o contiene un código que el archivo declara faltante en {count|la fila|las filas} {rows} ({count} {count|fila|filas} en total).',
    action: 'Cada fila necesita su estrato; complételo o elija la variable de estrato correcta.',
  },
  PSU_MISSING: {
    text: 'La columna de conglomerado «{column}» de {file} está vacía o contiene un código que el archivo declara faltante en {count|la fila|las filas} {rows} ({count} {count|fila|filas} en total).',
    action: 'Cada fila necesita su conglomerado (UPM); complételo o elija la variable de conglomerado correcta.',
  },
  PSU_ACROSS_STRATA: {
    text: 'La UPM «{psu}» de la columna «{column}» aparece en más de un estrato (primero en la fila {row}), pero se declaró que las UPM son únicas en todo el archivo.',
    action: 'Marque «Los números de conglomerado vuelven a empezar en cada estrato» (psuNestedInStrata: true) si los números de UPM recomienzan en cada estrato.',
  },
  PSU_NESTED_INFO: {
    text: 'Los números de UPM se repiten entre estratos en {file}; las UPM se toman como anidadas en los estratos (una UPM es el par estrato, UPM).',
    action: 'No hay nada que hacer si los números de conglomerado vuelven a empezar en cada estrato.',
  },
  PSU_ACROSS_REGIONS: {
    text: '{count} {count|conglomerado|conglomerados} ({column}) de {file} {count|tiene|tienen} niños de más de una región ({region}); el primero, «{psu}» (fila {row}), de {regionCount} regiones ({regions}). Un conglomerado se selecciona dentro de una sola región, así que su número probablemente se repite en cada región: tomados como un solo conglomerado, los niños de varias regiones son una sola unidad de muestreo, y cada error estándar, intervalo y gl es incorrecto.',
    action: 'Asigne el estrato dentro del cual los números de conglomerado son únicos (DHS: hv022 o hv023; MICS: stratum), o una columna de identificadores de conglomerado únicos en el archivo (DHS: hv021). Si los conglomerados de la encuesta sí cruzan regiones, no hay nada que hacer.',
  },
  PSU_ACROSS_AREAS: {
    text: '{count} {count|conglomerado|conglomerados} ({column}) de {file} {count|tiene|tienen} a la vez niños urbanos y rurales ({area}: {areas}); el primero, «{psu}» (fila {row}). Un conglomerado es urbano o rural en su totalidad, así que su número probablemente se repite en cada área (conglomerados numerados dentro de región x área): tomados como un solo conglomerado, los niños urbanos y rurales son una sola unidad de muestreo, y cada error estándar, intervalo y gl es incorrecto.',
    action: 'Asigne como estrato la columna que hace únicos los números de conglomerado: los estratos del diseño, región x área (si el archivo tiene región y área por separado, agregue una columna con su combinación: R interaction(region, area)), o una columna de identificadores de conglomerado únicos en el archivo. Si los conglomerados de la encuesta sí tienen ambas áreas, no hay nada que hacer.',
  },
  FPC_INVALID: {
    text: 'La corrección por población finita «{column}» de {file} no se puede usar en la fila {row}: {detail}.',
    action: 'Indique el número de UPM del estrato en la población (constante dentro de un estrato) o una fracción de muestreo entre 0 y 1.',
  },
  FPC_MIXED: {
    text: 'La corrección por población finita «{column}» de {file} mezcla fracciones de muestreo (menos de 1, primero en la fila {low}) y números de UPM (más de 1, primero en la fila {high}).',
    action: 'Indique una sola clase en todos los estratos: el número de UPM de la población del estrato, o la fracción de muestreo.',
  },
  FPC_BELOW_SAMPLE: {
    text: 'El estrato «{stratum}» de {file} tiene {sampled} UPM en la muestra pero {population} en la población según «{column}» (fila {row}): una fracción de muestreo de más del 100 %, que haría negativa la varianza.',
    action: 'Indique el número de UPM de la población del estrato, al menos las de la muestra, o la fracción de muestreo. Sin conglomerados, cada niño o niña es una UPM: indique el número de niños de la población del estrato.',
  },
  AGE_INVALID: {
    text: 'La columna de edad «{column}» de {file} tiene {count} {count|fila|filas} con una edad faltante o fuera de 0-120 (primero en la fila {row}). {count|Queda|Quedan} fuera de todos los dominios.',
    action: 'Verifique esas filas; las edades deben estar en años cumplidos.',
  },
  AGE_TOP_CODED: {
    text: 'La columna de edad «{column}» de {file} escribe {count} {count|edad|edades} como un código tope con su etiqueta (primero en la fila {row}: «{value}»), como una lista de miembros del hogar exportada con sus etiquetas escribe a sus miembros de más edad: sin número, por tanto sin edad; personas adultas, en ninguna estimación de niños y niñas.',
    action: 'Nada que hacer. El script R y el archivo do de Stata exportados también leen estas edades como faltantes.',
  },
  AGES_ABSENT: {
    text: 'Ningún niño contado en {file} tiene {ages} años, de las edades {from}-{to}; los niños contados tienen {present} años. Las filas de un grupo de edad que incluye esas edades cuentan solo las edades presentes, y un grupo de solo esas edades no tiene fila.',
    action: 'Si las preguntas sobre trabajo infantil se hicieron solo a algunas edades, dígalo donde se publiquen las cifras (una fila «{from}-{to}» es entonces la de las edades {present}), o fije los grupos de edad en esas edades (paso Definir). Si no, revise la columna de edad y el universo en la correspondencia.',
  },
  AGE_FRACTIONAL: {
    text: 'La columna de edad «{column}» de {file} tiene {count} {count|edad|edades} con fracción (primero en la fila {row}: {value}), como se escribe una edad exacta calculada de una fecha de nacimiento: cada una se lee en años cumplidos, su parte entera ({value} da {whole}).',
    action: 'Nada que hacer si la columna tiene edades exactas. Si tiene otra cosa (meses, un código), asocie en su lugar la columna de edad en años cumplidos. El script R y el archivo do de Stata exportados leen las edades del mismo modo (floor).',
  },
  CODE_NOT_MAPPED: {
    text: 'La columna «{column}» ({role}) de {file} tiene {count} {count|fila|filas} con el código «{value}»{label}, que no es ninguno de los códigos asignados «{first}» y «{second}» (primero en la fila {row}). {count|Cuenta|Cuentan} en el total pero en ningún grupo de {role}.',
    action: 'La correspondencia admite un código por grupo (el código escrito con otras mayúsculas o tildes ya se lee como él): si «{value}» designa uno de los grupos, escriba el código de ese grupo en sus celdas, en una copia del archivo de datos. Un código de {role} desconocido puede quedar así: esos niños y niñas solo cuentan en el total.',
  },
  MAPPED_CODES_NOT_FOUND: {
    text: 'Ningún niño o niña de {from} a {to} años de {file} tiene los códigos de {role} de la correspondencia ({codes}): la columna «{column}» contiene {present} (niños y niñas por código entre paréntesis). Todos los grupos de {role} quedarían vacíos.',
    action: 'Indique los códigos que contiene la columna, no sus etiquetas (paso Variables, o {fields} en el archivo de análisis): una celda 1 con la etiqueta «hombre» o «urbano» tiene el código «1».',
  },
  MAPPED_CODES_WITH_LABELS: {
    text: 'La columna «{column}» de {file} escribe los códigos de {role} de la correspondencia ({codes}) con sus etiquetas: contiene {present} (niños por valor entre paréntesis), de modo que ningún niño de {from} a {to} años tiene los códigos de la correspondencia y cada grupo de {role} quedaría vacío.',
    action: 'Indique los códigos tal como los escriben las celdas: {given} (paso Variables, o el archivo de análisis).',
  },
  MAPPED_CODE_IS_LABEL: {
    text: 'El código de {role} «{code}» de la correspondencia ({field}) es la etiqueta del código «{labelled}» de la columna «{column}» de {file}, y ninguna fila contiene «{code}»: ese grupo de {role} quedaría vacío y sus filas en ningún grupo de {role}. La columna contiene {present} (filas por código entre paréntesis).',
    action: 'Indique el código, «{labelled}», no su etiqueta (paso Variables, o {field} en el archivo de análisis).',
  },
  MAPPED_CODE_LABEL_CONTRADICTS: {
    text: 'La correspondencia lee el código «{code}» de la columna «{column}» de {file} como {meaning} ({field}), pero el archivo lo etiqueta «{label}». Si la etiqueta es correcta, cada tabla, gráfico y exportación muestra cada grupo ({role}) con el nombre del otro.',
    action: 'Compruebe los códigos con el cuestionario: el archivo etiqueta «{labelled}» como {meaning}. Si las etiquetas son correctas, intercambie los códigos en el paso Variables (o {field} en el archivo de análisis); si las etiquetas son el error del archivo, no hay nada que hacer.',
  },
  MAPPED_CODE_WORD_CONTRADICTS: {
    text: 'La correspondencia lee el código «{code}» de la columna «{column}» de {file} como {meaning} ({field}), pero ese código es la palabra del otro grupo ({role}): cada tabla, gráfico y exportación mostraría cada grupo con el nombre del otro.',
    action: 'Indique los códigos ({role}) en el orden correcto en el paso Variables (o {field} en el archivo de análisis).',
  },
  ONE_PSU_DOMAINS: {
    text: '{count} {count|dominio tiene|dominios tienen} todos sus niños y niñas con indicador conocido en una sola UPM (conglomerado), primero {where} ({n} niños y niñas): un error de muestreo no se estima con un solo conglomerado, así que su error estándar, intervalo de confianza, coeficiente de variación y efectos de diseño quedan vacíos (un error estándar de 0 no sería una precisión).',
    action: 'Publique {count|esta cifra|estas cifras} sin margen de error y diga por qué, o use una desagregación más amplia que abarque varios conglomerados.',
  },
  UNIVERSE_NOT_SET: {
    text: 'La columna «{column}» de {file} registra el resultado de la entrevista, y {count} {count|niño o niña ponderado tiene|niños y niñas ponderados tienen} allí un código distinto de 1 (completa), pero no hay universo definido: {count|cuenta|cuentan} en cada denominador, con un módulo vacío leído como ausencia de trabajo.',
    action: 'Defina el universo como las entrevistas completas: «{column}» = 1 (el universo en el paso Variables, o mapping.universe en el archivo de análisis). Si la encuesta los conserva a propósito, no hay nada que hacer.',
  },
  WORK_UNDER_ONE_HOUR: {
    text: '{count} de los {children} niños y niñas de {file} realizaron actividad económica ({activity}) con menos de 1 hora anotada en {columns} (0 o una fracción de hora). Cuentan en la ocupación, como dice el sí (la ocupación es al menos una hora de trabajo): en el trabajo infantil en las edades cuya regla es la ocupación (estimaciones mundiales OIT/UNICEF), no en las edades cuya regla es 1 hora o más (ODS 8.7.1 a los 5-11 años).',
    action: 'Nada que hacer si las horas son las respondidas. Si 0 significa «no preguntada» o «no sabe», declárelo código faltante de las horas.',
  },
  HOURS_EMPTY_AFTER_WORK: {
    text: '{count} de los {children} niños y niñas de {file} realizaron actividad económica ({activity}) y no tienen horas en {columns}, que la correspondencia lee como 0 horas (celdas vacías: 0): se les preguntaron las horas, así que una celda vacía ahí es un «no sabe» o «faltante» perdido, leído como ninguna hora.',
    action: 'Si el archivo es un CSV de un .sav o .dta cuyos códigos faltantes quedaron como celdas vacías, lea el archivo original; si no, indique cuántos niños y niñas son con los resultados.',
  },
  MAPPED_CODE_ABSENT: {
    text: 'El código de {role} «{code}» de la correspondencia ({field}) no está en ninguna fila de la columna «{column}» de {file}, que contiene {present} (filas por código entre paréntesis): ese grupo de {role} está vacío.',
    action: 'Si otro código designa ese grupo, indíquelo en la correspondencia (paso Variables, o {field} en el archivo de análisis); si la encuesta no tiene esas filas, no hay nada que hacer.',
  },
  HOURS_UNKNOWN_AT_AGES: {
    text: 'Ninguno de los {count} {count|niño o niña|niños y niñas} de {from} a {to} años de {file} que realizaron actividad económica ({activity}) tiene horas conocidas ({columns}): los umbrales de horas de esas edades no se aplican a ningún niño o niña que trabaja, así que el trabajo infantil a los {from}-{to} años no se mide (con la regla «{policy}» para las horas faltantes, se estima como si ninguno estuviera en trabajo infantil por las horas). Probablemente no se preguntaron las horas a esas edades.',
    action: 'Presente el trabajo infantil para las edades que tienen horas (un grupo de edad sin {from}-{to}), o asigne la columna que contiene las horas de esos niños y niñas. Compare las rondas de la encuesta en los grupos de edad con horas (con la regla «unknown», los cambios de los dominios con esas edades se marcan como no comparables).',
  },
  BREAKDOWN_VALUE_MISSING: {
    text: 'El {share} % de los niños y niñas de {from} a {to} años ({count} de {children}) no tiene un valor de {column} ({role}) que los desgloses lean (una celda vacía, un código que el archivo declara faltante, un código que la asignación no nombra, o ninguna fila para ellos en un archivo unido) en {file}: cuentan en los totales y en ninguna fila por {column}, cuyas filas por tanto no suman el total.',
    action: 'Si esa ausencia significa algo (no declarado, una madre que no vive en el hogar, otra categoría), dele un código en el archivo o una recodificación; si no, informe esa proporción junto con los resultados.',
  },
  HOURS_MISSING_SHARE: {
    text: 'De los {children} {asked} de {from} a {to} años de {file}, {count} ({share} %) no {count|tiene|tienen} un valor conocido de {role} ({columns}).',
    action: 'Con la regla «{policy}» para las horas faltantes, {effect}. Si algunos son celdas vacías que significan que no se hizo la pregunta (0 horas) y el rol aún lee las celdas vacías como desconocidas, indíquelo: «las celdas vacías significan: 0 horas» en el paso Variables (blank: "zero" en la asignación); si son códigos que lo indican (-999999999 de Survey Solutions, -8 «no corresponde»), enumérelos también en «códigos de pregunta no formulada» (notAsked). Informe esa proporción junto con los resultados.',
  },
  HOURS_NOT_ASKED_AGES: {
    text: 'Ningún niño de {ages} años de {file} ({count} {count|niño|niños}) tiene un valor conocido de {role} ({columns}), mientras que el {share} % de los niños de {present} años sí lo tiene: la pregunta parece no haberse hecho a esas edades, y las filas de los grupos de edad que las incluyen son las de las edades preguntadas.',
    action: 'No lea esas celdas vacías como 0 horas (cada niño de {ages} años contaría como que no trabaja). Haga de la columna que dice a quién se preguntó el universo (paso Variables), o publique las cifras solo para las edades {present} (grupos de edad sin {ages}).',
  },
  YESNO_MISSING_SHARE: {
    text: 'El {share} % de los niños y niñas de {from} a {to} años de {file} {among} ({count} de {children}) no tiene respuesta conocida para {role} ({columns}).',
    action: 'Con la regla de horas faltantes «{policy}», {effect}; revise los códigos de la columna (celdas vacías que significan «no» mientras el rol las lee como desconocidas: «las celdas vacías significan: no» en el paso Variables, blank: "no" en la asignación; códigos de pregunta no formulada, como -999999999 o -8, en «códigos de pregunta no formulada», notAsked) e informe esa proporción con los resultados.',
  },
  NO_CHILDREN_IN_SCOPE: {
    text: 'Ninguna fila de {file} es un niño o niña de {from} a {to} años; las edades de «{column}» son: {ages}.',
    action: 'Verifique la columna de edad («{column}») en la correspondencia.',
  },
  UNIVERSE_EMPTY: {
    text: 'Ningún niño o niña de {from} a {to} años de {file} está en el universo: la columna «{column}» nunca contiene {codes}; contiene {present} (niños y niñas por código entre paréntesis).',
    action: 'Verifique el universo (paso Variables, mapping.universe): la columna y los códigos que se conservan, como códigos y no como etiquetas (MICS6: FS17 = 1, entrevistas completas).',
  },
  UNIVERSE_APPLIED: {
    text: 'Universo {column} = {codes}: {inside} de los {children} niños y niñas de {from} a {to} años de {file} están en el universo; {outside} {outside|niño o niña restante permanece|niños y niñas restantes permanecen} en el diseño pero en ninguna estimación.',
    action: 'Indique el universo junto con los resultados (los cuadros MICS cuentan solo las entrevistas completas).',
  },
  YESNO_CHOICE_LISTS: {
    text: '{count} {count|celda|celdas} de la columna «{column}» ({role}) de {file} {count|es una lista|son listas} de opciones («1 3»: una respuesta select_multiple de ODK, SurveyCTO o KoboToolbox): cada una se lee como sí cuando una de sus opciones es un código sí ({yes}), si no como no.',
    action: 'Verifique que los códigos sí nombren cada opción que cuenta como sí. Las columnas separadas ({column}_1, ...) asignadas juntas a esta variable dan lo mismo (sí cuando alguna es sí).',
  },
  UNIVERSE_AGES_OUTSIDE: {
    text: 'Además, {count} {count|fila|filas} de {file} en el universo ({column} = {codes}) {count|tiene|tienen} una edad ({age}) fuera de {from}-{to}, o ninguna: no se cuentan entre los niños y niñas de arriba, y no entran en ninguna estimación.',
    action: 'Verifique esas edades: un cuestionario de niños y niñas de {from} a {to} años solo da otras edades por un error de digitación o un «no sabe» (MICS: CB3 98 o 99). Corríjalas en el archivo si los niños tenían esas edades.',
  },
  UNIVERSE_OUTSIDE_NO_AGE: {
    text: 'Además, {count} {count|fila|filas} de {file} fuera del universo ({column} distinto de {codes}) no {count|tiene|tienen} edad (entrevistas no completadas): no se {count|cuenta|cuentan} entre los niños y niñas anteriores, en ninguna estimación, y {count|permanece|permanecen} en el diseño.',
    action: 'Nada que hacer: el universo las deja fuera, como los cuadros MICS dejan fuera las entrevistas incompletas.',
  },
  WEIGHTS_NORMALISED: {
    text: 'Las ponderaciones de «{column}» en {file} suman {sum}, aproximadamente el número de filas con ponderación ({rows}): son ponderaciones normalizadas, como las publican MICS y DHS. Las prevalencias, los errores estándar, los intervalos y el efecto de diseño frente a un muestreo aleatorio simple con reemplazo son correctos; los números estimados de niños y niñas son números de la muestra, no de la población, y el efecto de diseño frente a un muestreo sin reemplazo (deff), cuyo factor 1 - n/N requiere ponderaciones de población, queda vacío.',
    action: 'Publique las prevalencias. Para números de niños y niñas en la población, use ponderaciones que sumen la población (el informe de la encuesta da el factor), o multiplique la prevalencia por una estimación de la población.',
  },
  WEIGHTS_SCALED_MILLION: {
    text: 'Las ponderaciones de «{column}» en {file} promedian {mean}, aproximadamente 1 000 000: DHS guarda sus ponderaciones normalizadas (hv005, v005) multiplicadas por 1 000 000. Las prevalencias, los errores estándar y los intervalos son correctos; los números estimados de niños y niñas son un millón de veces números de la muestra, no números de la población.',
    action: 'Publique solo las prevalencias, o use ponderaciones que sumen la población. Para leerlas como las ponderaciones normalizadas que son (los totales son entonces números de niños y niñas de la muestra), elija 1.000.000 en «factores divididos por» junto al factor de expansión en el paso Variables (mapping.weightDivisor: 1000000 en el archivo de análisis).',
  },
  WEIGHTS_BELOW_ONE: {
    text: 'Las ponderaciones de «{column}» de {file}, tal como se leen, promedian {mean}, menos de 1: las ponderaciones de población valen al menos 1 (un niño o niña se representa al menos a sí mismo) y las normalizadas promedian 1. Las prevalencias, errores estándar e intervalos no dependen de la escala; los números estimados de niños y niñas son demasiado pequeños.',
    action: 'Si «factores divididos por» está fijado en el paso Variables (mapping.weightDivisor) y las ponderaciones del archivo ya están divididas (hv005 / 1 000 000 de DHS), fíjelo en 1. Si no, revise la columna de ponderaciones.',
  },
  WEIGHTS_ALL_ZERO: {
    text: 'Todos los niños y niñas del universo de {file} tienen ponderación 0 en la columna «{column}» ({count} {count|niño o niña|niños y niñas}): no hay nada que estimar.',
    action: 'Verifique que «{column}» sea la ponderación final de estos niños y niñas (MICS: fsweight para el módulo de trabajo infantil), así como el universo.',
  },
  WEIGHT_NOT_FINITE: {
    text: 'La columna de ponderación «{column}» de {file} contiene {count|un valor que no es un número finito|valores que no son números finitos} en {count|la fila|las filas} {rows} ({count|es|el primero es} «{value}»; {count} {count|fila|filas} en total).',
    action: 'Las ponderaciones deben ser números finitos (ni NaN, ni Infinity, ni un desbordamiento como 1e400). Corrija esas celdas en el archivo.',
  },
  VALUE_NOT_FINITE: {
    text: 'La columna «{column}» ({role}) de {file} contiene un valor que no es un número finito en {count|la fila|las filas} {rows}: «{value}» ({count} {count|fila|filas} en total).',
    action: 'Corrija esas celdas (una edad o un factor de expansión debe ser un número) o, para una variable de horas o de sí/no, declare el código faltante: missingCodes en el archivo de análisis, «códigos faltantes» en el paso Variables; para la rama de actividad o la ocupación (un código de «no declarado»), missingCodes en el archivo de análisis.',
  },
  HOURS_OUT_OF_RANGE: {
    text: 'La columna «{column}» ({role}) de {file} tiene horas fuera de 0-168 por semana en {count|la fila|las filas} {rows}: «{value}» ({count} {count|fila|filas} en total).',
    action: 'Una semana tiene 168 horas. Si son códigos de «no sabe» o de rechazo, declárelos faltantes (missingCodes o missingFrom); si indican que no se hizo la pregunta (-999999999 de Survey Solutions, -8 «no corresponde»), enumérelos en «códigos de pregunta no formulada» en el paso Variables (notAsked: leídos como celdas vacías); si no, corrija las celdas.',
  },
  HOURS_SUM_OUT_OF_RANGE: {
    text: 'Las columnas {columns} ({role}) de {file} suman más de 168 horas por semana en {count|la fila|las filas} {rows}: {value} horas ({count} {count|fila|filas} en total).',
    action: 'Una semana tiene 168 horas; cada una de estas columnas cabe en ella, pero no su suma. Suele tratarse de códigos de «no sabe» (98, 99) contados como horas en algunas columnas: declárelos faltantes para esta variable (missingCodes o missingFrom); si no, corrija las celdas.',
  },
  HOURS_CODES_LABELLED: {
    text: 'La columna «{column}» ({role}) de {file} tiene {count} {count|celda|celdas} en {codes} (etiqueta y celdas entre paréntesis; primera en la fila {row}): valores que el propio archivo etiqueta como códigos, leídos como horas.',
    action: 'Declárelos faltantes para esta variable: missingCodes: [{list}] en el archivo de análisis (en la aplicación, «códigos faltantes» en el paso Variables). Un código que el archivo solo etiqueta no queda declarado faltante.',
  },
  HOURS_CODES_SUSPECT: {
    text: 'La columna «{column}» ({role}) de {file} tiene {count} {count|celda|celdas} con {codes} horas (celdas por valor entre paréntesis; primero en la fila {row}), un cúmulo por encima de cualquier valor justo por debajo (80 a 87 para 88, 90 a 96 para 97 a 99; junto a un cúmulo en 97 a 99, también los otros valores de ese tramo): parecen códigos de «no sabe» o «faltante», y se leen como horas.',
    action: 'Si son códigos, declárelos faltantes para esta variable: missingCodes: [{list}] en el archivo de análisis (en la aplicación, «códigos faltantes» en el paso Variables); los códigos de 97 y más también se apartan con missingFrom: 97 («faltante a partir de»), un 88 no. Un .sav o .dta guardado como CSV pierde sus valores faltantes declarados, y un código que el archivo solo etiqueta (98 «NS») no está declarado. Si son horas reales, no hay nada que hacer.',
  },
  HOURS_CODES_SUSPECT_SUM: {
    text: 'Las columnas {columns} ({role}) de {file}, sumadas como las horas, tienen {count} {count|celda|celdas} con {codes} horas (celdas por valor entre paréntesis; primero en la fila {row}), un cúmulo por encima de cualquier valor justo por debajo (80 a 87 para 88, 90 a 96 para 97 a 99; junto a un cúmulo en 97 a 99, también los otros valores de ese tramo): parecen códigos de «no sabe» o «faltante» repartidos entre las columnas, y se leen como horas.',
    action: 'Si son códigos, declárelos faltantes para esta variable: missingCodes: [{list}] en el archivo de análisis (en la aplicación, «códigos faltantes» en el paso Variables); los códigos de 97 y más también se apartan con missingFrom: 97 («faltante a partir de»), un 88 no. Si son horas reales, no hay nada que hacer.',
  },
  INDUSTRY_CLASSES_AS_DIVISIONS: {
    text: 'La columna de rama «{column}» de {file} contiene clases CIIU de 3-4 dígitos ({classes} {classes|fila|filas}, frente a {divisions} de 1-99), pero la correspondencia la lee como divisiones de 2 dígitos: una clase como 4290 no designa ninguna división, así que ningún niño o niña está en una rama peligrosa.',
    action: 'Fije el nivel CIIU en clase (4 dígitos) (paso Variables, o {field}: "class" en el archivo de análisis).',
  },
  INDUSTRY_DIVISIONS_AS_CLASSES: {
    text: 'La columna de rama «{column}» de {file} contiene divisiones CIIU de 1-99 ({divisions} {divisions|fila|filas}, frente a {classes} de 3-4 dígitos), pero la correspondencia la lee como clases de 4 dígitos: la división 5 leída como clase es la división 0, así que ningún niño o niña está en una rama peligrosa.',
    action: 'Fije el nivel CIIU en división (2 dígitos) (paso Variables, o {field}: "division" en el archivo de análisis).',
  },
  INDUSTRY_CODE_DIGITS: {
    text: 'La columna de rama «{column}» de {file} contiene códigos de 5 dígitos o más ({count} {count|fila|filas}; el primero «{value}», en la fila {row}): las divisiones CIIU Rev. 4 tienen 2 dígitos y las clases 4, y ninguna lectura de códigos más largos da la división («05100» leído como clase es la división 51), así que se perderían las ramas peligrosas.',
    action: 'Asigne una columna de divisiones CIIU (2 dígitos) o de clases (4 dígitos). En una clasificación nacional que amplía la CIIU (5 dígitos o más), la división son los 2 primeros dígitos del código: cree esa columna en su programa estadístico. Si «{value}» es un código faltante (no declarado), añádalo a los códigos faltantes de la columna. Para seguir sin ella, deje la rama sin asignar: el trabajo peligroso deja entonces fuera las ramas peligrosas, y los resultados lo dicen.',
  },
  INDUSTRY_SECTIONS: {
    text: 'La columna de rama «{column}» de {file} contiene letras de sección CIIU ({count} {count|fila|filas}; la primera «{value}», en la fila {row}): cada una se lee como la primera división de su sección (A 01, B 05, C 10, F 41, G 45...), de modo que la explotación de minas y canteras (B) y la construcción (F) son ramas peligrosas como las cuentan las estimaciones mundiales.',
    action: 'Nada que hacer para los marcos de las estimaciones mundiales y de los ODS. Una lista peligrosa que nombra solo algunas divisiones de una sección no puede aplicarse a una letra: para una lista nacional así, asigne una columna de divisiones si la encuesta la tiene.',
  },
  OCCUPATION_CODE_DIGITS: {
    text: 'La columna de ocupación «{column}» de {file} contiene códigos de 5 dígitos o más ({count} {count|fila|filas}; el primero «{value}», en la fila {row}): las ocupaciones peligrosas son grupos primarios CIUO-08 de 4 dígitos, que ningún código más largo designa, así que se perderían las ocupaciones peligrosas.',
    action: 'Asigne una columna de grupos primarios CIUO-08 (4 dígitos). En una clasificación nacional que amplía la CIUO (5 dígitos o más), el grupo primario son los 4 primeros dígitos del código: cree esa columna en su programa estadístico. Si «{value}» es un código faltante (no declarado), añádalo a los códigos faltantes de la columna.',
  },
  OCCUPATION_NOT_UNIT_GROUPS: {
    text: 'La columna de ocupación «{column}» de {file} contiene códigos de 1 a 3 dígitos ({count} {count|fila|filas}; el primero «{value}», en la fila {row}): grandes grupos, subgrupos principales o subgrupos CIUO-08. Las ocupaciones peligrosas son grupos primarios de 4 dígitos, que ninguno de estos códigos designa: esos niños y niñas nunca están en una ocupación peligrosa.',
    action: 'Asigne una columna de grupos primarios CIUO-08 (4 dígitos) si la encuesta la tiene. Si solo tiene códigos más cortos, las ocupaciones peligrosas no pueden obtenerse de ella: dígalo con los resultados (los demás criterios del trabajo peligroso siguen contando). Si «{value}» es un código faltante (no declarado), añádalo a los códigos faltantes de la columna.',
  },
  YESNO_CODES_READ_AS_NO: {
    text: 'La columna «{column}» ({role}) de {file} tiene {count} {count|celda que no es|celdas que no son} su código «sí» ({yes}), ni un «no» habitual (0, 2, no), ni {count|está declarada faltante|están declaradas faltantes}: {codes} (celdas por valor entre paréntesis; primero en la fila {row}). Se {count|lee|leen} como «no».',
    action: 'Si un valor significa «no sabe» o «faltante», declárelo para esta variable: missingCodes: [{list}] en el archivo de análisis («códigos faltantes» en el paso Variables; un .sav de MICS guardado como CSV pierde sus declaraciones de valores faltantes; R y Stata escriben los faltantes como NA o «.»). Si todos significan «no», no hay nada que hacer.',
  },
  CATEGORY_SPELLINGS: {
    text: 'La columna «{column}» ({role}) de {file} escribe el mismo número de varias formas: {spellings}. Una categoría se lee tal como está escrita («01» no es «1»): cada forma es una categoría aparte, con su propia fila en los cuadros.',
    action: 'Si son una sola categoría (un archivo que pasó por R, Stata o una hoja de cálculo pierde los ceros iniciales), deles un solo código: {field}: {recode} en el archivo de análisis (en la aplicación, el botón «Aplicar esta recodificación» bajo este mensaje), o corrija el archivo.',
  },
  CATEGORY_CASE_VARIANTS: {
    text: 'La columna «{column}» ({role}) de {file} escribe {count|un nombre|nombres} de formas que solo difieren en mayúsculas, acentos, espacios, apóstrofos o guiones (\' y ’, - y –): {spellings}. Una categoría se lee tal como está escrita: cada forma es una categoría aparte, con su propia fila en los cuadros, y los niños de esa única categoría quedan repartidos entre ellas.',
    action: 'Si son una sola categoría, deles un solo código: {field}: {recode} en el archivo de análisis (en la aplicación, el botón «Aplicar esta recodificación» bajo este mensaje), o corrija el archivo. Si son categorías distintas, nada que hacer.',
  },
  CATEGORY_UNICODE_FORMS: {
    text: 'La columna «{column}» ({role}) de {file} escribe {count|un nombre|nombres} con acentos de dos maneras que se ven iguales: {spellings} (una con una letra como «ô» en un solo carácter, la otra como una letra seguida de un acento aparte, como lo escriben macOS y algunas exportaciones). Cada una es una categoría propia, con su propia fila en las tablas.',
    action: 'Deles un solo código: {field}: {recode} en el archivo de análisis (en la aplicación, el botón «Aplicar esta recodificación» bajo este mensaje), o guarde el archivo con caracteres compuestos (NFC).',
  },
  YESNO_YES_READ_AS_NO: {
    text: 'La columna «{column}» ({role}) de {file} escribe «sí» como {codes} (celdas por valor entre paréntesis; primera en la fila {row}), pero su código «sí» es {yes}: estas {count} {count|celda|celdas} se leen como «no».',
    action: 'Declárelos como códigos «sí» de este rol: yes: [{list}] en el archivo de análisis (en el paso Variables, el código «sí» del rol). Una columna BOOLEAN de un archivo Parquet se escribe true y false.',
  },
  YESNO_YES_NONE: {
    text: 'La columna «{column}» ({role}) de {file} escribe «sí» como {codes} (celdas por valor entre paréntesis; primera en la fila {row}), y ninguna celda tiene su código «sí» {yes}: cada «sí» de la columna se leería como «no», así que el cálculo se detiene.',
    action: 'Declárelos como códigos «sí» de este rol: yes: [{list}] en el archivo de análisis (en el paso Variables, el código «sí» del rol). Una columna BOOLEAN de un archivo Parquet se escribe true y false.',
  },
  YESNO_YES_IS_LABEL: {
    text: 'El código «sí» {yes} de {role} es la etiqueta del código «{code}» en la columna «{column}» de {file}, cuyas celdas contienen códigos: las {count} {count|celda|celdas} del código «{code}» (primera en la fila {row}) se leerían como «no», y ninguna como «sí».',
    action: 'Indique el código, no su etiqueta: yes: ["{code}"] en el archivo de análisis (en el paso Variables, el código «sí» del rol).',
  },
  PSU_NOT_MAPPED: {
    text: 'No hay ninguna columna de conglomerado (UPM) asignada para {file}. Sin ella cada niño o niña contaría como su propio conglomerado, y los errores estándar de una encuesta por conglomerados resultarían demasiado pequeños.',
    action: 'Asigne la columna de conglomerado ({candidates}), o elija «Sin conglomerados (muestra aleatoria simple de niños y niñas)» (mapping.noClusters: true) si los niños y niñas realmente se seleccionaron uno por uno.',
  },
  NO_CLUSTERS_CHOSEN: {
    text: 'Sin conglomerados: como se eligió, cada niño o niña de {file} es su propia unidad de muestreo (una muestra aleatoria simple o estratificada de niños y niñas).',
    action: 'Indíquelo junto con los resultados; si la encuesta seleccionó conglomerados (áreas de empadronamiento), asigne en su lugar la columna de conglomerado.',
  },
  COLUMN_IN_TWO_ROLES: {
    text: 'La columna «{column}» de {file} está asignada a dos variables: {roles}.',
    action: 'Verifique la correspondencia: cada variable suele leer su propia columna (el sexo y el área, o la edad y la ponderación, nunca son la misma variable).',
  },
  JOIN_APPLIED: {
    text: 'Unión {name}: cada fila de {main} recibe {columns} {columns|columna|columnas} de {file} por {keys}; {matched} de {rows} filas tienen correspondencia.',
    action: 'Nada que hacer; compruebe que las claves son las que indica la documentación de la encuesta.',
  },
  JOIN_KEY_BLANK: {
    text: '{count} de las {rows} filas de {main} {count|tiene|tienen} {columns} vacío (o 0, que ninguna fila de {file} tiene): no se busca ninguna fila de {file}, y se {count|conserva|conservan} con las columnas de {file} vacías (en las MICS, un número de línea de la madre o cuidadora vacío o 0: no es miembro del hogar).',
    action: 'No hay nada que hacer si una clave vacía significa «ninguno» en esta encuesta.',
  },
  JOIN_SAME_NAME_DIFFERS: {
    text: 'La columna «{column}» está en {main} y en {file}, y las dos difieren en {count} de las {matched} filas emparejadas (primero en la fila {row} de {main}: «{mine}» en {main}, «{theirs}» en {file}). La columna de {file} se une con el nombre «{joined}»; una asignación que nombra «{column}» lee la de {main}.',
    action: 'Compruebe qué archivo contiene los valores que usan los cuadros de la encuesta (en las MICS, el índice de riqueza y la región del archivo de hogares). Para usar los de {file}, asigne «{joined}».',
  },
  JOIN_UNMATCHED: {
    text: '{count} de las {rows} filas de {main} no {count|tiene|tienen} fila en {file} por {keys} ({count|fila|la primera: fila} {row}, {values}): {count|se conserva|se conservan}, con las columnas de {file} vacías.',
    action: 'Revise las claves (números de línea, números de hogar); si esas filas deberían tener correspondencia, los archivos pueden venir de versiones distintas de la encuesta.',
  },
  JOIN_NO_MATCH: {
    text: 'Unión {name}: ninguna fila de {main} corresponde a una fila de {file} por {keys}. {main} contiene claves como {mine}; {file} contiene {theirs}.',
    action: 'Indique las columnas que contienen los mismos identificadores en ambos archivos (la documentación de la encuesta las nombra) en el archivo de análisis, joins[].on, y ábralo con sus archivos; o abra los archivos uno por uno para verificar sus claves. Claves que difieren en mayúsculas («CENT-R», «cent-r») o en la numeración no corresponden: corríjalas en el archivo. Los números enteros corresponden como sea que estén escritos («01», «1.0», «1»).',
  },
  JOIN_KEY_CASE: {
    text: 'La unión {name} necesita la columna clave «{column}», que no está en {file}; el archivo tiene «{actual}», el mismo nombre con otras mayúsculas.',
    action: 'Escriba «{actual}» para esta clave en la unión (joins[].on en el archivo de análisis, o elija de nuevo la columna en la aplicación): los nombres se comparan exactamente, mayúsculas incluidas.',
  },
  JOIN_KEY_MISSING: {
    text: 'La unión {name} necesita la columna clave «{column}», que no está en {file}.',
    action: 'Revise las claves de la unión (joins[].on) según las columnas de {file} y {other}.',
  },
  JOIN_KEY_DUPLICATE: {
    text: 'Unión {name}: filas de {main} corresponden a más de una fila de {file} por {keys}: {values} (filas de {file} entre paréntesis). Una unión aporta una sola fila a cada fila de {main}.',
    action: 'Revise las claves: un archivo de hogares se une por hogar (HH1, HH2), un archivo de miembros por hogar y número de línea (HH1, HH2, HL1). Si esas filas de {file} son personas distintas (un archivo de miembros unido a un archivo de hogares), tome como archivo principal el que tiene una fila por niño o niña y una {main} a él; elimine filas de {file} solo si son copias verdaderas.',
  },
  JOIN_COLUMN_CLASH: {
    text: 'Unión {name}: la columna «{column}» de {file} se llamaría «{taken}», nombre ya usado.',
    action: 'Dé un prefijo a la unión (joins[].prefix) o indique las columnas que debe aportar (joins[].columns).',
  },
  FILESET_NOT_JOINED: {
    text: '{main} se tomó como archivo principal (una fila por niño o niña); {files} no se {count|unió|unieron}: no se encontraron columnas clave que {count|lo|los} vinculen con {main} a razón de una fila por niño o niña.',
    action: 'Abra juntos los archivos de una misma encuesta: el archivo de niños (o de miembros) con sus archivos de hogares y de miembros. Para unir otro archivo, escriba su unión (archivo y columnas clave, joins[].on) en el archivo de análisis y ábralo con sus archivos.',
  },
  FILESET_FILE_MISSING: {
    text: 'El análisis lee el archivo de datos {file}, que no está entre los archivos abiertos ({opened}).',
    action: 'Abra {file} junto con los demás archivos que nombra el análisis (un archivo se reconoce por su nombre).',
  },
  LONELY_PSU_FAIL: {
    text: '{file}: {count|el estrato|los estratos} {strata} de la columna «{column}» {count|tiene|tienen} una sola UPM. La regla para UPM únicas «fail» (detenerse) se aplica aquí.',
    action: 'Elija una regla para las UPM únicas en su estrato (adjust, average, remove o certainty), o agrupe esos estratos con un estrato vecino.',
  },
  LONELY_PSU_PRESENT: {
    text: '{count} {count|estrato tiene|estratos tienen} una sola UPM ({strata}); {count|su varianza se trata|sus varianzas se tratan} con la regla «{policy}».',
    action: 'Indique en el informe qué regla se usó para las UPM únicas en su estrato.',
  },
  DOMAIN_EMPTY: {
    text: 'El dominio {domain} no tiene niños ni niñas con un valor conocido de {indicator}.',
    action: 'No hay nada que hacer; la celda queda vacía.',
  },
  CI_UNDEFINED: {
    text: 'El intervalo {method} no está definido para {domain} (estimación {estimate}, {df} {df|grado|grados} de libertad).',
    action: 'Publique la estimación con su número de casos no ponderado; considere el intervalo de Korn-Graubard para estimaciones de 0 o 100 %.',
  },
  ENGINE_OUT_OF_MEMORY: {
    text: 'La aplicación se quedó sin memoria al procesar {file} ({detail}): su motor dispone como máximo de 4 GB de memoria WebAssembly. No se mostró ningún resultado.',
    action: 'Use la línea de comandos, que no tiene ese límite y da las mismas cifras: guarde el archivo de análisis (paso Definir) y luego ejecute  clstats run ANALISIS.clstats  (vea el README, «Command line»).',
  },
  ENGINE_FAILED: {
    text: 'Falló el motor de cálculo: {detail}.',
    action: 'Es un error del programa o un archivo no admitido; infórmelo junto con el archivo de análisis (no los datos).',
  },
  NETWORK_BLOCKED: {
    text: 'El motor se negó a acceder fuera de la computadora: {detail}.',
    action: 'Por diseño, nada sale de la máquina. Abra solo archivos locales.',
  },
  CLI_USAGE: {
    text: '{detail}',
    action: 'Ejecute «clstats --help» para ver los comandos y las opciones.',
  },
  OUTPUT_IS_INPUT: {
    text: '{option} {file} es el mismo archivo que {input}, que este comando lee; escribir allí lo sobrescribiría. No se escribió nada.',
    action: 'Dé a {option} otro nombre de archivo; clstats nunca modifica sus archivos de entrada.',
  },
  OUTPUT_IS_FOLDER: {
    text: '{option} {file} es una carpeta, no un archivo. No se escribió nada.',
    action: 'Dé a {option} el nombre de un archivo (dentro de esa carpeta si lo desea).',
  },
  OUTPUT_FOLDER_MISSING: {
    text: 'La carpeta {folder} de {option} {file} no existe. No se calculó ni se escribió nada.',
    action: 'Cree primero la carpeta, o corrija la ruta.',
  },
  OUTPUT_WRITE_FAILED: {
    text: 'No se pudo escribir {file}: {detail}. Un archivo anterior con ese nombre queda sin cambios.',
    action: 'Verifique que se pueda escribir en la carpeta, que el disco tenga espacio y que el archivo no esté abierto en otro programa, y ejecute de nuevo.',
  },
  // --- survey rounds (analysis/rounds/) ----------------------------------------------------------
  ROUNDS_TOO_FEW: {
    text: 'El archivo de análisis {file} tiene {count} {count|ronda|rondas} en «rounds»; una comparación necesita al menos dos.',
    action: 'Agregue la ronda de seguimiento (su etiqueta, año, archivo de datos y correspondencia), o dé los datos y la correspondencia en el nivel superior para una sola encuesta.',
  },
  ROUNDS_FILE_NAMES_SHARED: {
    text: 'Las rondas {first} y {second} leen cada una un archivo llamado {name}: dos archivos distintos con el mismo nombre. La aplicación solo distingue los archivos abiertos por su nombre, y leería uno de ellos para ambas rondas.',
    action: 'Cambie el nombre de los archivos de una ronda (2017_{name}, por ejemplo) y sus rutas en el archivo de análisis, y vuelva a abrirlos; o ejecute el análisis en la línea de comandos (clstats run), que lee cada archivo de su carpeta.',
  },
  ROUNDS_SAME_DATA_FILE: {
    text: 'Las rondas {first} y {second} de {file} leen el mismo archivo de datos, {path}: sus estimaciones serían las mismas, y cada cambio nulo.',
    action: 'Dé a cada ronda su propio archivo de datos (la carpeta de cada ronda: 2017/fs.sav, 2023/fs.sav). Un análisis guardado por la aplicación nombra los archivos sin sus carpetas: ponga los archivos de cada ronda en una carpeta propia y escriba las carpetas en las rutas.',
  },
  ROUNDS_LABEL_DUPLICATE: {
    text: 'Dos rondas de {file} tienen la etiqueta «{round}».',
    action: 'Dé a cada ronda su propia etiqueta («MICS 2017», «MICS 2023»): los cuadros y los cambios nombran las rondas por ella.',
  },
  ROUNDS_YEARS_NOT_INCREASING: {
    text: 'En {file}, la ronda «{round}» ({year}) figura después de la ronda «{previous}» ({previousYear}) pero no es posterior.',
    action: 'Liste las rondas de la más antigua a la más reciente, cada una con un año posterior al de la anterior (se permiten decimales: 2017,5).',
  },
  ROUNDS_DATA_MISSING: {
    text: 'La ronda «{round}» de {file} no nombra ningún archivo de datos (rounds[{index}].data).',
    action: 'Dé a la ronda una entrada «data» con la ruta de su archivo de datos, relativa al archivo de análisis.',
  },
  ROUND_CODES_NOT_IN_CATEGORIES: {
    text: 'Ronda «{round}»: {count} {count|código|códigos} de {dimension} ({column} en {file}) no {count|está|están} entre las categorías de las rondas ({categories}): {codes}. {count|Es una categoría|Son categorías} de esta ronda solamente, así que {count|sus cambios no tienen|sus cambios no tienen} estimación en las otras rondas.',
    action: 'Si son las mismas categorías escritas de otra forma (01 por 1) o renumeradas, llévelas a los códigos comunes con una recodificación ({field} en la ronda, o el paso Variables); si la categoría es nueva en esta ronda, nada que hacer.',
  },
  ROUND_LABELS_DIFFER: {
    text: 'Ronda «{round}»: {count} {count|código|códigos} de {dimension} ({column} en {file}) {count|tiene|tienen} en el archivo otra etiqueta que en las categorías de las rondas (código = etiqueta del archivo / etiqueta común): {pairs}. Las rondas se comparan código por código: si el archivo numera sus categorías a su manera, estos códigos se comparan con otras categorías.',
    action: 'Revise los libros de códigos de la encuesta. Si la ronda numera sus categorías de otra forma, lleve sus códigos a los comunes con una recodificación ({field} en la ronda); si las etiquetas solo difieren en la redacción, nada que hacer.',
  },
  ROUND_LABELS_DIFFER_FIRST: {
    text: 'Ronda «{round}»: {count} {count|código|códigos} de {dimension} ({column} en {file}) {count|tiene|tienen} en el archivo otra etiqueta que en la ronda «{other}» (código = etiqueta de esta ronda / de aquella): {pairs}. Las rondas se comparan código por código: si esta ronda numera sus categorías a su manera, esos códigos se comparan con otras categorías.',
    action: 'Revise los libros de códigos de la encuesta. Si la ronda numera sus categorías de otro modo, lleve sus códigos a los de la primera ronda con una recodificación ({field} en la ronda) y nombre las categorías comunes (categories en el archivo de rondas); si las etiquetas solo difieren en la redacción, no hay nada que hacer.',
  },
  ROUND_CODES_SPELLED: {
    text: 'Ronda «{round}»: {count} {count|código|códigos} de {dimension} ({column} en {file}) {count|escribe|escriben} un número de otra forma que la ronda «{other}» (esta ronda / aquella): {pairs}. Las rondas se comparan código por código, así que {count|esta categoría no tiene|estas categorías no tienen} ningún cambio entre ellas: cada una es una categoría de una sola ronda.',
    action: 'Si son las mismas categorías, dé a esta ronda los códigos de la otra con una recodificación: {field}: {recode} en la ronda (o en el paso Variables), o nombre las categorías comunes (categories en el archivo de rondas).',
  },
  ROUNDS_NOT_MEASURED: {
    text: 'La ronda «{round}» no asigna {roles}, que «{framework}» necesita: los indicadores que lo usan no se estiman en esta ronda, y sus cambios se marcan como no comparables.',
    action: 'Asígnelo en esta ronda si su cuestionario tenía el módulo; si no, compare solo los indicadores que esta ronda puede medir.',
  },
  ROUND_EMPLOYMENT_DIFFERS: {
    text: 'La ronda «{round}» asigna la variable «{role}» y la ronda «{other}» no: los niños y niñas ocupados, y el trabajo infantil y el trabajo peligroso contados entre ellos, provienen de otras preguntas en las dos rondas, y sus cambios llevan también esa diferencia.',
    action: 'Asígnela en ambas rondas si ambas encuestas la preguntaron; si no, indíquelo junto con los cambios.',
  },
  ROUND_AGES_DIFFER: {
    text: 'La ronda «{round}» no tiene ningún niño del ámbito de {ages} años con el indicador conocido, y la ronda «{other}» sí (un módulo infantil aplicado a menos edades, un universo que las excluye, o horas no preguntadas a esas edades a los niños y niñas que trabajaron): los totales, y todos los dominios que incluyen esas edades, no cubren a los mismos niños en una ronda y en la otra. Sus cambios se marcan como no comparables; se comparan los grupos de edad que ambas rondas cubren.',
    action: 'Compare los grupos de edad que ambas rondas cubren. Un cambio de los totales requiere rondas de las mismas edades.',
  },
  RECODE_CODE_NOT_LISTED: {
    text: 'La columna «{column}» ({role}) de {file} tiene {count} {count|fila|filas} con el código «{value}», que su recodificación no lista (la primera en la fila {row}). {count|Conserva|Conservan} el código tal como está escrito: una categoría propia, comparada solo con el mismo código en otras rondas.',
    action: 'Agregue «{value}» a la recodificación con el código común que significa, o declárelo faltante en el archivo de datos.',
  },
  RECODE_CODE_CLASH: {
    text: 'La columna «{column}» ({role}) de {file} tiene {count} {count|fila|filas} con el código «{value}», que su recodificación no lista pero que es uno de los códigos comunes a los que recodifica (la primera en la fila {row}): se {count|contaría|contarían} en esa categoría común sin estar en la lista.',
    action: 'Liste «{value}» en la recodificación con el código común que significa (recodifíquelo a «{value}» si es esa categoría).',
  },
  COMPARE_DEFINITIONS_DIFFER: {
    text: 'Los archivos de análisis {baseline} y {followup} no miden lo mismo; difieren en: {differences}.',
    action: 'Dé a ambos archivos los mismos marcos y reglas, grupos de edad, indicadores, desgloses y opciones de estimación (solo pueden diferir los datos, las uniones, la correspondencia y el título), y compare de nuevo.',
  },
};
