// Documents run through one shared casus::Engine, for unit tests of the stages that read the layers
// of earlier stages (entities, places, quotes, events).
#ifndef CASUS_TESTS_UNIT_PIPELINE_FIXTURE_H_
#define CASUS_TESTS_UNIT_PIPELINE_FIXTURE_H_

#include <string>

#include "casus/document.h"

namespace casus::test_support {

// `text` (with id "t" and the article date `date`, "" for none) after every stage.
Document process_text(std::string text, std::string date = "");

// The first sample article, examples/articles/kremlin-drone-2023-05-03.md, read by the Markdown
// reader and run through every stage. Fails the calling test when the file cannot be read.
Document process_sample_article();

}  // namespace casus::test_support

#endif  // CASUS_TESTS_UNIT_PIPELINE_FIXTURE_H_
