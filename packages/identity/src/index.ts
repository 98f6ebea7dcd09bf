export { type DevKeys, type DevTokenOptions, generateDevKeys, signDevToken } from "./dev-keys.ts";
export { httpStatusOf, IDENTITY_ERROR_CODES, IdentityError, type IdentityErrorCode } from "./errors.ts";
export type { Identity } from "./identity.ts";
export { GOOGLE_SECURETOKEN_JWKS_URL } from "./key-source.ts";
export { bearerTokenOf, type RequireIdentityOptions, requireIdentity } from "./middleware.ts";
export { hasRole, ROLES, type Role } from "./roles.ts";
export {
  type CredentialCheck,
  createRouterCredentialCheck,
  deriveCellKey,
  ensureRouterSigningKey,
  newRouterSigningKey,
  ROUTED_TENANT_HEADER,
  ROUTER_CREDENTIAL_HEADER,
  type RouterCredentialCheck,
  type RouterCredentialCheckOptions,
  type RouterCredentialFailure,
  readKeyFile,
  type SignedRequest,
  signRouterCredential,
  writeCellKey,
} from "./router-credential.ts";
export {
  createIdTokenVerifier,
  type IdTokenVerifier,
  type IdTokenVerifierOptions,
} from "./verify.ts";
