// The casus public API in one include.
#ifndef CASUS_CASUS_H_
#define CASUS_CASUS_H_

#include "casus/document.h"
#include "casus/engine.h"
#include "casus/options.h"
#include "casus/sink.h"
#include "casus/status.h"

namespace casus {
// The version of the program ("0.1.0") and of the output schema (docs/schema.md).
const char* version();
const char* schema_version();
}  // namespace casus

#endif  // CASUS_CASUS_H_
