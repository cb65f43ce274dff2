#include "library/coverart.h"

#include "library/readonlyfileref.h"

#include <taglib/aifffile.h>
#include <taglib/apefile.h>
#include <taglib/apetag.h>
#include <taglib/asffile.h>
#include <taglib/attachedpictureframe.h>
#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/id3v2tag.h>
#include <taglib/mp4file.h>
#include <taglib/mpcfile.h>
#include <taglib/mpegfile.h>
#include <taglib/oggflacfile.h>
#include <taglib/opusfile.h>
#include <taglib/speexfile.h>
#include <taglib/trueaudiofile.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavfile.h>
#include <taglib/wavpackfile.h>
#include <taglib/xiphcomment.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace encore {

namespace {

// Folder images larger than this are not covers (or not worth decoding for one).
constexpr qint64 kMaxCoverFileBytes = 20 * 1024 * 1024;
// The picture type ID3v2, FLAC, Xiph and ASF share for "Cover (front)".
constexpr int kFrontCoverType = 3;

QByteArray toBytes(const TagLib::ByteVector& v) {
    return QByteArray(v.data(), int(v.size()));
}

QString toQString(const TagLib::String& s) {
    return QString::fromStdString(s.to8Bit(true));
}

// Keeps the best picture seen: the first front cover, else the first picture of any type.
class Pick {
public:
    void offer(int type, const TagLib::ByteVector& data, const TagLib::String& mime) {
        if (data.isEmpty() || front_)
            return;
        if (best_ && type != kFrontCoverType)
            return;
        best_ = CoverArt{toBytes(data), toQString(mime), QStringLiteral("embedded")};
        front_ = type == kFrontCoverType;
    }
    const std::optional<CoverArt>& result() const { return best_; }

private:
    std::optional<CoverArt> best_;
    bool front_ = false;
};

void fromId3v2(TagLib::ID3v2::Tag* tag, Pick& pick) {
    if (!tag)
        return;
    for (TagLib::ID3v2::Frame* frame : tag->frameListMap()["APIC"]) {
        if (auto* apic = dynamic_cast<TagLib::ID3v2::AttachedPictureFrame*>(frame))
            pick.offer(int(apic->type()), apic->picture(), apic->mimeType());
    }
}

void fromFlacPictures(const TagLib::List<TagLib::FLAC::Picture*>& pictures, Pick& pick) {
    for (TagLib::FLAC::Picture* p : pictures)
        pick.offer(int(p->type()), p->data(), p->mimeType());
}

void fromXiph(TagLib::Ogg::XiphComment* tag, Pick& pick) {
    if (!tag)
        return;
    fromFlacPictures(tag->pictureList(), pick);
    // The older, unofficial field: base64 image data without a picture block.
    const auto& fields = tag->fieldListMap();
    auto it = fields.find("COVERART");
    if (it != fields.end() && !it->second.isEmpty())
        pick.offer(kFrontCoverType,
                   TagLib::ByteVector::fromBase64(it->second.front().data(TagLib::String::Latin1)),
                   TagLib::String());
}

void fromMp4(TagLib::MP4::Tag* tag, Pick& pick) {
    if (!tag || !tag->contains("covr"))
        return;
    for (const TagLib::MP4::CoverArt& art : tag->item("covr").toCoverArtList()) {
        const char* mime = art.format() == TagLib::MP4::CoverArt::PNG    ? "image/png"
                           : art.format() == TagLib::MP4::CoverArt::BMP  ? "image/bmp"
                           : art.format() == TagLib::MP4::CoverArt::GIF  ? "image/gif"
                           : art.format() == TagLib::MP4::CoverArt::JPEG ? "image/jpeg"
                                                                         : "";
        pick.offer(kFrontCoverType, art.data(), TagLib::String(mime));
    }
}

void fromAsf(TagLib::ASF::Tag* tag, Pick& pick) {
    if (!tag)
        return;
    const auto& attributes = tag->attributeListMap();
    auto it = attributes.find("WM/Picture");
    if (it == attributes.end())
        return;
    for (const TagLib::ASF::Attribute& attribute : it->second) {
        const TagLib::ASF::Picture picture = attribute.toPicture();
        if (picture.isValid())
            pick.offer(int(picture.type()), picture.picture(), picture.mimeType());
    }
}

void fromApe(TagLib::APE::Tag* tag, Pick& pick) {
    if (!tag)
        return;
    const auto& items = tag->itemListMap();
    auto it = items.find("COVER ART (FRONT)");
    if (it == items.end())
        return;
    // "file name\0image bytes"
    const TagLib::ByteVector data = it->second.binaryData();
    const int nul = data.find('\0');
    if (nul >= 0)
        pick.offer(kFrontCoverType, data.mid(uint(nul) + 1), TagLib::String());
}

void fromFile(TagLib::File* file, Pick& pick) {
    using namespace TagLib;
    if (auto* mpeg = dynamic_cast<MPEG::File*>(file)) {
        fromId3v2(mpeg->ID3v2Tag(), pick);
        fromApe(mpeg->APETag(), pick);
    } else if (auto* flac = dynamic_cast<FLAC::File*>(file)) {
        fromFlacPictures(flac->pictureList(), pick);
        fromXiph(flac->xiphComment(), pick);
        fromId3v2(flac->ID3v2Tag(), pick);
    } else if (auto* mp4 = dynamic_cast<MP4::File*>(file)) {
        fromMp4(mp4->tag(), pick);
    } else if (auto* vorbis = dynamic_cast<Ogg::Vorbis::File*>(file)) {
        fromXiph(vorbis->tag(), pick);
    } else if (auto* opus = dynamic_cast<Ogg::Opus::File*>(file)) {
        fromXiph(opus->tag(), pick);
    } else if (auto* speex = dynamic_cast<Ogg::Speex::File*>(file)) {
        fromXiph(speex->tag(), pick);
    } else if (auto* oggFlac = dynamic_cast<Ogg::FLAC::File*>(file)) {
        fromXiph(oggFlac->tag(), pick);
    } else if (auto* asf = dynamic_cast<ASF::File*>(file)) {
        fromAsf(asf->tag(), pick);
    } else if (auto* ape = dynamic_cast<APE::File*>(file)) {
        fromApe(ape->APETag(), pick);
    } else if (auto* wavpack = dynamic_cast<WavPack::File*>(file)) {
        fromApe(wavpack->APETag(), pick);
    } else if (auto* mpc = dynamic_cast<MPC::File*>(file)) {
        fromApe(mpc->APETag(), pick);
    } else if (auto* tta = dynamic_cast<TrueAudio::File*>(file)) {
        fromId3v2(tta->ID3v2Tag(), pick);
    } else if (auto* wav = dynamic_cast<RIFF::WAV::File*>(file)) {
        fromId3v2(wav->ID3v2Tag(), pick);
    } else if (auto* aiff = dynamic_cast<RIFF::AIFF::File*>(file)) {
        fromId3v2(aiff->tag(), pick);
    }
}

QString mimeForFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return QStringLiteral("image/jpeg");
    return QStringLiteral("image/") + suffix;
}

}  // namespace

std::optional<CoverArt> readEmbeddedCover(const QString& audioPath) {
    const QByteArray local = QFile::encodeName(audioPath);
    ReadOnlyFileRef file(local, false);
    const TagLib::FileRef& ref = file.ref();
    if (ref.isNull() || !ref.file() || !ref.file()->isValid())
        return std::nullopt;
    Pick pick;
    fromFile(ref.file(), pick);
    return pick.result();
}

QString findFolderCover(const QString& folder) {
    static const QStringList kPatterns = {QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"),
                                          QStringLiteral("*.png"), QStringLiteral("*.webp"),
                                          QStringLiteral("*.gif"), QStringLiteral("*.bmp")};
    // Most specific first; the first name with a match wins.
    static const QStringList kNames = {QStringLiteral("cover"),    QStringLiteral("folder"),
                                       QStringLiteral("front"),    QStringLiteral("album"),
                                       QStringLiteral("albumart"), QStringLiteral("thumb")};
    const QFileInfoList images = QDir(folder).entryInfoList(kPatterns, QDir::Files | QDir::Readable,
                                                            QDir::Name | QDir::IgnoreCase);
    for (const QString& name : kNames) {
        for (const QFileInfo& image : images) {
            if (image.completeBaseName().compare(name, Qt::CaseInsensitive) == 0 &&
                image.size() <= kMaxCoverFileBytes)
                return image.filePath();
        }
    }
    // "AlbumArt_{...}_Large.jpg", "Album Cover.png", "front-cover.jpg"
    for (const QFileInfo& image : images) {
        const QString base = image.completeBaseName().toLower();
        if ((base.contains(QLatin1String("cover")) || base.contains(QLatin1String("front")) ||
             base.startsWith(QLatin1String("albumart"))) &&
            !base.contains(QLatin1String("back")) && image.size() <= kMaxCoverFileBytes)
            return image.filePath();
    }
    return {};
}

std::optional<CoverArt> readCoverArt(const QString& audioPath) {
    if (std::optional<CoverArt> embedded = readEmbeddedCover(audioPath))
        return embedded;
    const QString image = findFolderCover(QFileInfo(audioPath).path());
    if (image.isEmpty())
        return std::nullopt;
    QFile file(image);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray data = file.readAll();
    if (data.isEmpty())
        return std::nullopt;
    return CoverArt{data, mimeForFile(image), image};
}

}  // namespace encore
