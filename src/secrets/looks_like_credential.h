// Whether a piece of text holds what the secrets detector calls a credential: for renderers that
// would otherwise quote input (a lint error's source line), so they never echo a secret.
#pragma once

#include <string_view>

namespace iamwarden::secrets {

/// True when the detector finds a key ID, a secret access key, a session token or a presigned URL
/// credential in text (documented example keys included: better hidden than echoed). Also true when
/// the detector cannot run, so callers fail closed. Thread-safe.
bool looks_like_credential(std::string_view text);

}  // namespace iamwarden::secrets
