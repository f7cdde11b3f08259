#include "places/stage.h"

namespace casus::places {

void annotate(Document& doc) { doc.places.clear(); }

}  // namespace casus::places
