// The recommender's checkpoint loader: header, vocabularies, facts and, when those agree, the
// model through LibTorch. The fuzzing build skips the checksum so the fuzzer reaches past it.

#include "fuzzsupport.h"
#include "reco/checkpointfile.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::silenceQtMessages();
    const QString path = fuzz::writeInput(fuzz::bytesOf(data, size), QStringLiteral("model.ckpt"));
    const Result<CheckpointFile::Contents> contents = CheckpointFile::read(path);
    if (contents)
        (void)CheckpointFile::loadModel(contents.value(), path, std::nullopt);
    return 0;
}
