/**
 * Errors shaped like the ones Office.js throws (`OfficeExtension.Error`, name `RichApi.Error`):
 * code first, so that callers handle them exactly as they will in Excel.
 */
type PreviewErrorCode =
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidObjectPath'
  | 'ApiNotFound'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

const MESSAGES: Record<PreviewErrorCode, string> = {
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  ValueNotLoaded: 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do. The object may have been used after its Excel.run ended.",
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
};

export class PreviewError extends Error {
  override readonly name = 'RichApi.Error';
  readonly traceMessages: string[] = [];
  readonly debugInfo: OfficeExtension.DebugInfo;

  /** `detail` says what went wrong in this call; it follows Excel's generic message. */
  constructor(
    readonly code: PreviewErrorCode,
    detail: string,
    errorLocation?: string,
  ) {
    super(`${MESSAGES[code]} (${detail})`);
    this.debugInfo = { code, message: this.message, errorLocation };
  }

  /** Names the API member whose command failed, unless the error already names one. */
  locate(errorLocation: string): this {
    this.debugInfo.errorLocation ??= errorLocation;
    return this;
  }
}
