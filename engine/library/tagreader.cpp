#include "library/tagreader.h"

#include "library/dsdreader.h"
#include "library/readonlyfileref.h"
#include "library/tagfallback.h"
#include "library/tagmapping.h"
#include "library/tagnormalizer.h"

#include <taglib/aifffile.h>
#include <taglib/apefile.h>
#include <taglib/apetag.h>
#include <taglib/asffile.h>
#include <taglib/fileref.h>
#include <taglib/flacfile.h>
#include <taglib/id3v2tag.h>
#include <taglib/mp4file.h>
#include <taglib/mpcfile.h>
#include <taglib/mpegfile.h>
#include <taglib/oggflacfile.h>
#include <taglib/opusfile.h>
#include <taglib/speexfile.h>
#include <taglib/tpropertymap.h>
#include <taglib/trueaudiofile.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavfile.h>
#include <taglib/wavpackfile.h>
#include <taglib/xiphcomment.h>

#include <cerrno>

#include <unistd.h>

namespace encore {

namespace {

bool id3v2HasPicture(TagLib::ID3v2::Tag* tag) {
    return tag && !tag->frameListMap()["APIC"].isEmpty();
}

bool apeHasPicture(TagLib::APE::Tag* tag) {
    return tag && tag->itemListMap().contains("COVER ART (FRONT)");
}

bool xiphHasPicture(TagLib::Ogg::XiphComment* tag) {
    return tag && (!tag->pictureList().isEmpty() || tag->contains("METADATA_BLOCK_PICTURE") ||
                   tag->contains("COVERART"));
}

// Codec name and whether an embedded picture exists, per container.
void readFormatSpecifics(TagLib::File* file, TrackTags& tags) {
    using namespace TagLib;
    if (auto* mpeg = dynamic_cast<MPEG::File*>(file)) {
        const auto* props = mpeg->audioProperties();
        tags.codec = props && props->layer() != 3 ? QStringLiteral("MP%1").arg(props->layer())
                                                  : QStringLiteral("MP3");
        tags.has_cover = id3v2HasPicture(mpeg->ID3v2Tag()) || apeHasPicture(mpeg->APETag());
    } else if (auto* flac = dynamic_cast<FLAC::File*>(file)) {
        tags.codec = QStringLiteral("FLAC");
        tags.has_cover = !flac->pictureList().isEmpty() || id3v2HasPicture(flac->ID3v2Tag());
    } else if (auto* mp4 = dynamic_cast<MP4::File*>(file)) {
        const auto* props = mp4->audioProperties();
        tags.codec = props && props->codec() == MP4::Properties::ALAC ? QStringLiteral("ALAC")
                                                                      : QStringLiteral("AAC");
        tags.has_cover = mp4->tag() && mp4->tag()->contains("covr");
    } else if (auto* vorbis = dynamic_cast<Ogg::Vorbis::File*>(file)) {
        tags.codec = QStringLiteral("Vorbis");
        tags.has_cover = xiphHasPicture(vorbis->tag());
    } else if (auto* opus = dynamic_cast<Ogg::Opus::File*>(file)) {
        tags.codec = QStringLiteral("Opus");
        tags.has_cover = xiphHasPicture(opus->tag());
    } else if (auto* speex = dynamic_cast<Ogg::Speex::File*>(file)) {
        tags.codec = QStringLiteral("Speex");
        tags.has_cover = xiphHasPicture(speex->tag());
    } else if (auto* oggFlac = dynamic_cast<Ogg::FLAC::File*>(file)) {
        tags.codec = QStringLiteral("FLAC");
        tags.has_cover = xiphHasPicture(oggFlac->tag());
    } else if (auto* asf = dynamic_cast<ASF::File*>(file)) {
        tags.codec = QStringLiteral("WMA");
        tags.has_cover = asf->tag() && asf->tag()->attributeListMap().contains("WM/Picture");
    } else if (auto* ape = dynamic_cast<APE::File*>(file)) {
        tags.codec = QStringLiteral("Monkey's Audio");
        tags.has_cover = apeHasPicture(ape->APETag());
    } else if (auto* wavpack = dynamic_cast<WavPack::File*>(file)) {
        tags.codec = QStringLiteral("WavPack");
        tags.has_cover = apeHasPicture(wavpack->APETag());
    } else if (auto* mpc = dynamic_cast<MPC::File*>(file)) {
        tags.codec = QStringLiteral("Musepack");
        tags.has_cover = apeHasPicture(mpc->APETag());
    } else if (auto* tta = dynamic_cast<TrueAudio::File*>(file)) {
        tags.codec = QStringLiteral("TTA");
        tags.has_cover = id3v2HasPicture(tta->ID3v2Tag());
    } else if (auto* wav = dynamic_cast<RIFF::WAV::File*>(file)) {
        tags.codec = QStringLiteral("WAV");
        tags.has_cover = id3v2HasPicture(wav->ID3v2Tag());
    } else if (auto* aiff = dynamic_cast<RIFF::AIFF::File*>(file)) {
        tags.codec = QStringLiteral("AIFF");
        tags.has_cover = id3v2HasPicture(aiff->tag());
    } else {
        tags.codec = QStringLiteral("Tracker module");  // mod, s3m, it, xm
    }
}

// TagLib says only "not valid": tell a file that went away or is locked from a bad one.
QString unreadableReason(const QByteArray& localPath) {
    if (::access(localPath.constData(), R_OK) != 0) {
        if (errno == ENOENT)
            return QStringLiteral("the file was removed or moved during the scan");
        if (errno == EACCES)
            return QStringLiteral("no permission to read the file (check its permissions)");
    }
    return QStringLiteral("not a readable audio file (TagLib could not parse it)");
}

bool hasExtension(const QByteArray& path, const char* ext) {
    return path.toLower().endsWith(QByteArray(".") + ext);
}

}  // namespace

TagReadResult readTrackTags(const QByteArray& localPath) {
    if (hasExtension(localPath, "dsf"))
        return readDsdTags(localPath, false);
    if (hasExtension(localPath, "dff"))
        return readDsdTags(localPath, true);

    TagReadResult result;
    ReadOnlyFileRef opened(localPath, true, TagLib::AudioProperties::Fast);
    const TagLib::FileRef& ref = opened.ref();
    if (ref.isNull() || !ref.file() || !ref.file()->isValid()) {
        result.error = unreadableReason(localPath);
        return result;
    }
    TagLib::File* file = ref.file();
    const TagLib::AudioProperties* props = file->audioProperties();
    if (props)
        applyAudioProperties(*props, result.tags);
    applyPropertyMap(file->properties(), ref.tag(), result.tags);
    result.problem = recoverLostTags(file, result.tags);
    readFormatSpecifics(file, result.tags);
    result.ok = true;
    return result;
}

}  // namespace encore
