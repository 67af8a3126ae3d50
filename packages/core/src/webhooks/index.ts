/** Booking webhooks: signature checks on the raw body, then provider payload → BookingEvent. */
export {
  type BookingCancelled,
  type BookingCreated,
  type BookingEvent,
  bookingCancelledSchema,
  bookingCreatedSchema,
  bookingEventSchema,
  PROVIDERS,
  type Provider,
  providerSchema,
  type WebhookParseResult,
} from "./booking-event";
export {
  CALCOM_BOOKING_CANCELLED,
  CALCOM_BOOKING_CREATED,
  CALCOM_BOOKING_RESCHEDULED,
  parseCalcomWebhook,
} from "./calcom";
export { CALENDLY_INVITEE_CANCELED, CALENDLY_INVITEE_CREATED, parseCalendlyWebhook } from "./calendly";
export {
  bodyHash,
  CALCOM_SIGNATURE_HEADER,
  CALENDLY_SIGNATURE_HEADER,
  DEFAULT_CALENDLY_TOLERANCE_SECONDS,
  type RawBody,
  type SignatureCheck,
  type SignatureFailure,
  signCalcom,
  signCalendly,
  type VerifyCalcomInput,
  type VerifyCalendlyInput,
  verifyCalcomSignature,
  verifyCalendlySignature,
} from "./signatures";
