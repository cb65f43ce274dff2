#pragma once

#include <QByteArray>

#include <taglib/fileref.h>
#include <taglib/tfilestream.h>

#include <memory>

namespace encore {

// A TagLib file opened for reading only. TagLib opens a file read-write when it may, and
// closing such a file tells inotify it was written (IN_CLOSE_WRITE): the library watcher
// would rescan the folder every time a cover, lyrics or tags are read for display.
class ReadOnlyFileRef {
public:
    explicit ReadOnlyFileRef(
        const QByteArray& localPath, bool readAudioProperties,
        TagLib::AudioProperties::ReadStyle style = TagLib::AudioProperties::Average)
        : stream_(std::make_unique<TagLib::FileStream>(localPath.constData(), true)) {
        if (stream_->isOpen())
            ref_ = TagLib::FileRef(stream_.get(), readAudioProperties, style);
    }
    ReadOnlyFileRef(const ReadOnlyFileRef&) = delete;
    ReadOnlyFileRef& operator=(const ReadOnlyFileRef&) = delete;

    TagLib::FileRef& ref() { return ref_; }
    // The stream, for a format's own class (TagLib::MPEG::File over it).
    TagLib::FileStream* stream() const { return stream_->isOpen() ? stream_.get() : nullptr; }

private:
    std::unique_ptr<TagLib::FileStream> stream_;  // outlives ref_, which reads through it
    TagLib::FileRef ref_;
};

}  // namespace encore
