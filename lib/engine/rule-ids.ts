/** Id of the rule that judges declared against achieved objectives. */
export const OBJECTIVE_RULE_ID = 'RR-OBJ1';
