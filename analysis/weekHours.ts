/**
 * A week has 168 hours: hours of a week outside 0-168 are codes not declared missing, or errors
 * (checkValues.ts), and a framework's threshold above 168 would count no child (frameworks.ts).
 */
export const MAX_WEEK_HOURS = 168;
