/** Google sign-in through Firebase: the project's public web settings, from the router's environment. */
export interface FirebaseSignIn {
  kind: "firebase";
  projectId: string;
  apiKey: string;
  authDomain: string;
  /** Set on local platforms and in tests: a stand-in for Google's Identity Toolkit endpoints. */
  emulatorUrl?: string;
}

/** What the router that served the app says about itself (`GET /config.json`). */
export interface WebConfig {
  region: string;
  regions: string[];
  signIn: { kind: "dev" } | FirebaseSignIn;
}
