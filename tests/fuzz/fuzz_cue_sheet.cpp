// .cue sheets as parseCueSheet reads them (any encoding, any line ending, hostile indexes).

#include "fuzzsupport.h"
#include "library/cuesheet.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::silenceQtMessages();
    (void)parseCueSheet(fuzz::bytesOf(data, size), QStringLiteral("/nonexistent/fuzz.cue"));
    return 0;
}
