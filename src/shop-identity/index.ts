export { IDENTITY_SCHEME, canonicalIdentityText, signShopIdentity, type ShopCustomer } from './canonical';
export {
  IDENTITY_LIMITS,
  IDENTITY_MAX_SKEW_MS,
  signedIdentitySchema,
  verifyShopIdentity,
  type IdentityCheck,
  type IdentityRefusal,
  type SignedShopIdentity,
} from './verify';
