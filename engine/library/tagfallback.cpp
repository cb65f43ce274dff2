#include "library/tagfallback.h"

#include "library/flaccomments.h"
#include "library/tagmapping.h"
#include "library/tagnormalizer.h"

#include <taglib/flacfile.h>
#include <taglib/id3v2extendedheader.h>
#include <taglib/id3v2framefactory.h>
#include <taglib/id3v2header.h>
#include <taglib/id3v2synchdata.h>
#include <taglib/id3v2tag.h>
#include <taglib/infotag.h>
#include <taglib/mpegfile.h>
#include <taglib/textidentificationframe.h>
#include <taglib/trueaudiofile.h>
#include <taglib/wavfile.h>
#include <taglib/xiphcomment.h>

#include <QHash>

#include <algorithm>
#include <array>
#include <memory>

namespace encore {

namespace {

// Text frames past this are behind cover art; a crafted size must not make us read 256 MB.
constexpr unsigned int kMaxScannedTagBytes = 16 * 1024 * 1024;

struct Field {
    QString TrackTags::*member;
    const char* name;
    const char* frameId;  // ID3v2.3/2.4; TagLib maps ID3v2.2's TT2, TP1, TAL onto these
    const char* frameId22;
    const char* vorbisKey;
};

constexpr Field kFields[] = {
    {&TrackTags::title, "title", "TIT2", "TT2", "TITLE"},
    {&TrackTags::artist, "artist", "TPE1", "TP1", "ARTIST"},
    {&TrackTags::album, "album", "TALB", "TAL", "ALBUM"},
};

QString toQString(const TagLib::String& s) {
    return QString::fromStdWString(s.toWString());
}

QString joinedNames(const QStringList& names) {
    if (names.size() < 2)
        return names.value(0);
    return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) +
           QStringLiteral(" and ") + names.last();
}

// Sets each wanted field that `values` (keyed by `key`) holds and the tags lack or differ in;
// returns the names of those set.
QStringList apply(const QList<const Field*>& wanted, const QHash<QByteArray, QString>& values,
                  const char* Field::*key, TrackTags& tags) {
    QStringList set;
    for (const Field* f : wanted) {
        const QString value = cleanTagText(values.value(QByteArray(f->*key)));
        if (value.isEmpty() || value == tags.*f->member)
            continue;
        tags.*f->member = value;
        set << QLatin1String(f->name);
    }
    return set;
}

// The ID3v2 tag at the start of the file, as bytes: TagLib's parse stops for good at the
// first frame it cannot read, and its APE and Musepack readers skip such a tag unread.
struct RawId3v2 {
    TagLib::ID3v2::Header header;
    TagLib::ByteVector frames;  // after the extended header, unsynchronised where needed
};

std::unique_ptr<RawId3v2> readLeadingId3v2(TagLib::File* file) {
    using namespace TagLib::ID3v2;
    file->seek(0);
    const TagLib::ByteVector head = file->readBlock(Header::size());
    if (head.size() != Header::size() || !head.startsWith(Header::fileIdentifier()))
        return nullptr;
    auto raw = std::make_unique<RawId3v2>();  // ID3v2::Header cannot be copied
    raw->header.setData(head);
    if (raw->header.majorVersion() < 2 || raw->header.majorVersion() > 4)
        return nullptr;
    TagLib::ByteVector body = file->readBlock(std::min(raw->header.tagSize(), kMaxScannedTagBytes));
    if (raw->header.unsynchronisation() && raw->header.majorVersion() <= 3)
        body = SynchData::decode(body);
    unsigned int start = 0;
    if (raw->header.extendedHeader()) {
        ExtendedHeader extended;
        extended.setData(body);
        start = extended.size();
    }
    if (start >= body.size())
        return nullptr;
    raw->frames = body.mid(start);
    return raw;
}

// Whether a title, artist or album frame's id starts at `pos`: the only places worth a resync.
bool isWantedFrameAt(const TagLib::ByteVector& data, unsigned int pos,
                     const std::array<TagLib::ByteVector, 3>& ids) {
    return std::any_of(ids.begin(), ids.end(),
                       [&](const TagLib::ByteVector& id) { return data.containsAt(id, pos); });
}

// Walks the frames one by one as TagLib does, but past a frame it cannot read: the walk goes
// on at the next title, artist or album frame instead of giving up the rest of the tag.
// Returns frame id -> first text value; `damaged` says whether a frame had to be skipped.
QHash<QByteArray, QString> readFramesOneByOne(RawId3v2& raw, bool& damaged) {
    QHash<QByteArray, QString> found;
    const unsigned int version = raw.header.majorVersion();
    const unsigned int frameHeader = TagLib::ID3v2::Frame::headerSize(version);
    const TagLib::ByteVector& data = raw.frames;
    TagLib::ID3v2::FrameFactory* factory = TagLib::ID3v2::FrameFactory::instance();
    std::array<TagLib::ByteVector, 3> ids;
    for (size_t i = 0; i < ids.size(); ++i)
        ids[i] = TagLib::ByteVector(version == 2 ? kFields[i].frameId22 : kFields[i].frameId);
    unsigned int pos = 0;
    while (pos + frameHeader < data.size()) {
        if (data.at(pos) == 0 && !damaged)
            break;  // padding
        std::unique_ptr<TagLib::ID3v2::Frame> frame;
        if (!damaged || isWantedFrameAt(data, pos, ids))
            frame.reset(factory->createFrame(data.mid(pos), &raw.header));
        const unsigned int length = frame ? frame->size() : 0;
        if (frame && length > 0 && length <= data.size() - pos - frameHeader) {
            const auto* text = dynamic_cast<TagLib::ID3v2::TextIdentificationFrame*>(frame.get());
            const QByteArray id(frame->frameID().data(), int(frame->frameID().size()));
            if (text && !text->fieldList().isEmpty() && !found.contains(id))
                found.insert(id, toQString(text->fieldList().front()));
            pos += frameHeader + length;
            continue;
        }
        damaged = true;
        ++pos;  // resync: the next byte that starts a wanted frame
    }
    return found;
}

// Formats whose TagLib reader parses a leading ID3v2 tag: a gap there means damage.
bool readsId3v2(TagLib::File* file) {
    return dynamic_cast<TagLib::MPEG::File*>(file) ||
           dynamic_cast<TagLib::TrueAudio::File*>(file) || dynamic_cast<TagLib::FLAC::File*>(file);
}

TagLib::ID3v2::Tag* parsedId3v2(TagLib::File* file) {
    if (auto* mpeg = dynamic_cast<TagLib::MPEG::File*>(file))
        return mpeg->ID3v2Tag();
    if (auto* tta = dynamic_cast<TagLib::TrueAudio::File*>(file))
        return tta->ID3v2Tag();
    if (auto* flac = dynamic_cast<TagLib::FLAC::File*>(file))
        return flac->ID3v2Tag();
    return nullptr;
}

bool id3v2Outranks(TagLib::File* file) {
    // In MP3 and TTA files ID3v2 outranks APE and ID3v1; in FLAC the Vorbis comment outranks it.
    return dynamic_cast<TagLib::MPEG::File*>(file) || dynamic_cast<TagLib::TrueAudio::File*>(file);
}

QString recoverFromLeadingId3v2(TagLib::File* file, TrackTags& tags) {
    TagLib::ID3v2::Tag* parsed = parsedId3v2(file);
    const bool outranks = id3v2Outranks(file);
    QList<const Field*> wanted;
    for (const Field& f : kFields) {
        const bool parsedHasIt =
            parsed && !parsed->frameListMap()[TagLib::ByteVector(f.frameId)].isEmpty();
        if (!parsedHasIt && (outranks || (tags.*f.member).isEmpty()))
            wanted.append(&f);
    }
    if (wanted.isEmpty())
        return {};
    const std::unique_ptr<RawId3v2> raw = readLeadingId3v2(file);
    if (!raw)
        return {};
    bool damaged = false;
    const QHash<QByteArray, QString> frames = readFramesOneByOne(*raw, damaged);
    const QStringList recovered = apply(wanted, frames, &Field::frameId, tags);
    if (recovered.isEmpty())
        return {};
    if (readsId3v2(file))
        return QStringLiteral(
                   "damaged ID3v2 tag: TagLib stopped at a frame it could not read; "
                   "%1 read from the frames after it")
            .arg(joinedNames(recovered));
    return QStringLiteral(
               "ID3v2 tag at the start of the file, which TagLib ignores in this "
               "format (other players may too): %1 read from it")
        .arg(joinedNames(recovered));
}

// In FLAC the Vorbis comment outranks ID3v2 and ID3v1: what it lost replaces what they gave.
QString recoverFromFlacComments(TagLib::File* file, TrackTags& tags) {
    auto* flac = dynamic_cast<TagLib::FLAC::File*>(file);
    if (!flac)
        return {};
    const TagLib::Ogg::XiphComment* parsed = flac->xiphComment();
    QList<const Field*> wanted;
    for (const Field& f : kFields) {
        if (!parsed || !parsed->contains(f.vorbisKey))
            wanted.append(&f);
    }
    if (wanted.isEmpty())
        return {};
    bool damaged = false;
    const QHash<QByteArray, QString> comments = readFlacCommentsOneByOne(file, damaged);
    if (!damaged)
        return {};  // TagLib read every comment there is
    const QStringList recovered = apply(wanted, comments, &Field::vorbisKey, tags);
    if (recovered.isEmpty())
        return {};
    return QStringLiteral(
               "damaged Vorbis comment block: TagLib stopped at a comment it could not read; "
               "%1 read from the comments after it")
        .arg(joinedNames(recovered));
}

// A WAV file's basic tag is its ID3v2 chunk alone: what only RIFF INFO holds is read from it.
void fillFromRiffInfo(TagLib::File* file, TrackTags& tags) {
    auto* wav = dynamic_cast<TagLib::RIFF::WAV::File*>(file);
    if (!wav || !wav->hasInfoTag())
        return;
    fillMissingNames(*wav->InfoTag(), tags);
}

}  // namespace

QString recoverLostTags(TagLib::File* file, TrackTags& tags) {
    fillFromRiffInfo(file, tags);
    QStringList problems;
    for (const QString& problem :
         {recoverFromFlacComments(file, tags), recoverFromLeadingId3v2(file, tags)}) {
        if (!problem.isEmpty())
            problems << problem;
    }
    return problems.join(QStringLiteral("; "));
}

}  // namespace encore
