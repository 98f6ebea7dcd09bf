/** The Firebase project every test token is issued for and every test cell and router expects. */
export const PROJECT_ID = "hireloop-test";
