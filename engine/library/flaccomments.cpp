#include "library/flaccomments.h"

#include <taglib/id3v2header.h>
#include <taglib/tfile.h>

#include <algorithm>

namespace encore {

namespace {

constexpr unsigned int kMaxCommentBlockBytes = 16 * 1024 * 1024;  // FLAC's limit is 16 MB
constexpr int kMaxMetadataBlocks = 1024;  // a crafted file must not make us walk forever
constexpr int kVorbisCommentType = 4;
constexpr const char* kWantedKeys[] = {"TITLE", "ARTIST", "ALBUM"};

unsigned int le32(const TagLib::ByteVector& data, unsigned int pos) {
    return data.toUInt(pos, false);
}

// The VORBIS_COMMENT block's bytes, after "fLaC" (and an ID3v2 tag before it).
TagLib::ByteVector commentBlock(TagLib::File* file) {
    file->seek(0);
    TagLib::ByteVector head = file->readBlock(TagLib::ID3v2::Header::size());
    long offset = 0;
    if (head.startsWith(TagLib::ID3v2::Header::fileIdentifier()))
        offset = long(TagLib::ID3v2::Header(head).completeTagSize());
    file->seek(offset);
    if (file->readBlock(4) != "fLaC")
        return {};
    for (int i = 0; i < kMaxMetadataBlocks; ++i) {
        const TagLib::ByteVector header = file->readBlock(4);
        if (header.size() != 4)
            return {};
        const unsigned int length = header.toUInt(1U, 3U, true);
        if ((header[0] & 0x7f) == kVorbisCommentType)
            return file->readBlock(std::min(length, kMaxCommentBlockBytes));
        if (header[0] & 0x80)
            return {};  // the last metadata block
        file->seek(length, TagLib::File::Current);
    }
    return {};
}

// The upper-cased field name of a "NAME=value" comment, or empty.
QByteArray keyOf(const TagLib::ByteVector& entry) {
    const int eq = entry.find('=');
    if (eq <= 0)
        return {};
    const QByteArray key(entry.data(), eq);
    for (const char c : key) {
        if (c < 0x20 || c > 0x7d)
            return {};  // field names are printable ASCII
    }
    return key.toUpper();
}

bool isWanted(const QByteArray& key) {
    return std::any_of(std::begin(kWantedKeys), std::end(kWantedKeys),
                       [&key](const char* wanted) { return key == wanted; });
}

// After damage: the wanted field name (any case) and '=' at `pos`, else empty. Constant work
// per byte, so a crafted 16 MB block costs one pass.
QByteArray wantedKeyAt(const TagLib::ByteVector& data, unsigned int pos, unsigned int length) {
    for (const char* wanted : kWantedKeys) {
        const unsigned int n = unsigned(qstrlen(wanted));
        if (length > n && data.at(pos + n) == '=' && qstrnicmp(data.data() + pos, wanted, n) == 0)
            return QByteArray(wanted);
    }
    return {};
}

}  // namespace

QHash<QByteArray, QString> readFlacCommentsOneByOne(TagLib::File* file, bool& damaged) {
    QHash<QByteArray, QString> found;
    const TagLib::ByteVector data = commentBlock(file);
    if (data.size() < 8)
        return found;
    const quint64 vendorEnd = 4ULL + le32(data, 0);
    unsigned int pos = 4;
    unsigned int remaining = 0;  // comments the count promises, while nothing is damaged
    if (vendorEnd + 4 <= data.size()) {
        remaining = le32(data, unsigned(vendorEnd));
        pos = unsigned(vendorEnd) + 4;
    } else {
        damaged = true;
    }
    while (pos + 4 <= data.size() && (damaged || remaining > 0)) {
        const unsigned int length = le32(data, pos);
        const bool fits = length > 0 && length <= data.size() - pos - 4;
        // Once damaged, only a wanted field's own name makes a plausible resync point.
        QByteArray key;
        if (fits)
            key = damaged ? wantedKeyAt(data, pos + 4, length) : keyOf(data.mid(pos + 4, length));
        if (!key.isEmpty()) {
            if (isWanted(key) && !found.contains(key)) {
                const TagLib::ByteVector value =
                    data.mid(pos + 4 + key.size() + 1, length - key.size() - 1);
                found.insert(key, QString::fromUtf8(value.data(), int(value.size())));
            }
            pos += 4 + length;
            remaining -= damaged ? 0 : 1;
            continue;
        }
        damaged = true;
        ++pos;
    }
    return found;
}

}  // namespace encore
