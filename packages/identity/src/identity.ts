/** A verified Firebase user. `claims` is the whole verified payload, custom claims included. */
export type Identity = {
  uid: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  signInProvider?: string;
  claims: Record<string, unknown>;
};
