// The Document invariants of document.h, checked in one place for tests and fuzz targets.
#ifndef CASUS_PIPELINE_INVARIANTS_H_
#define CASUS_PIPELINE_INVARIANTS_H_

#include "casus/document.h"
#include "casus/status.h"

namespace casus {

// OK when: text is valid UTF-8; every paragraph, sentence and token span is inside text, on code
// point boundaries, and in order without overlap; sentences lie inside their paragraph and
// tokens inside their sentence; sentence token ranges are contiguous and cover all tokens.
// Cost: O(text + layers).
Status check_invariants(const Document& doc);

}  // namespace casus

#endif  // CASUS_PIPELINE_INVARIANTS_H_
