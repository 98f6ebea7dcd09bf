export { type DevKeys, type DevTokenOptions, generateDevKeys, signDevToken } from "./dev-keys.ts";
export { httpStatusOf, IDENTITY_ERROR_CODES, IdentityError, type IdentityErrorCode } from "./errors.ts";
export { GOOGLE_SECURETOKEN_JWKS_URL } from "./key-source.ts";
export { bearerTokenOf, type RequireIdentityOptions, requireIdentity } from "./middleware.ts";
export {
  createIdTokenVerifier,
  type Identity,
  type IdTokenVerifier,
  type IdTokenVerifierOptions,
} from "./verify.ts";
