/**
 * Colours of the charts: Okabe-Ito hues (distinguishable with the common colour-vision deficiencies)
 * chosen so that their grey levels also differ (dark blue, orange, light grey), and every bar has a
 * dark outline, so a greyscale print still tells boys, girls and total apart.
 */
export const PALETTE = {
  boys: '#0072B2',
  girls: '#E69F00',
  total: '#BDBDBD',
  hazardous: '#D55E00',
  other: '#F0E442',
  outline: '#222222',
  errorBar: '#000000',
  reference: '#555555',
} as const;
