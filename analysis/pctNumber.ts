/** A share in percent, as a number: the message catalogue writes it per language (0.4 %, 0,4 %). */
export const pctNumber = (x: number) => Number((100 * x).toFixed(x < 0.001 ? 2 : 1));
