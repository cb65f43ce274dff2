#include "library/dsdreader.h"

#include "library/tagmapping.h"

#include <taglib/id3v2tag.h>
#include <taglib/tbytevectorstream.h>
#include <taglib/tfile.h>
#include <taglib/tpropertymap.h>

#include <QFile>
#include <QtEndian>

namespace encore {

namespace {

constexpr qint64 kMaxTagBytes = 16 * 1024 * 1024;  // an ID3v2 tag larger than this is junk
constexpr int kMaxChunks = 256;                    // DSDIFF files have a handful of chunks

// TagLib's ID3v2 parser reads from a File; this one only serves the bytes of the tag chunk.
class TagBytesFile : public TagLib::File {
public:
    explicit TagBytesFile(TagLib::IOStream* stream) : TagLib::File(stream) {}
    TagLib::Tag* tag() const override { return nullptr; }
    TagLib::AudioProperties* audioProperties() const override { return nullptr; }
    bool save() override { return false; }
};

void applyId3v2(const QByteArray& bytes, TrackTags& tags) {
    if (bytes.size() < 10 || !bytes.startsWith("ID3"))
        return;
    TagLib::ByteVectorStream stream(TagLib::ByteVector(bytes.constData(), uint(bytes.size())));
    TagBytesFile file(&stream);
    const TagLib::ID3v2::Tag tag(&file, 0);
    applyPropertyMap(tag.properties(), &tag, tags);
    tags.has_cover = !tag.frameListMap()["APIC"].isEmpty();
}

QByteArray readAt(QFile& file, qint64 offset, qint64 length) {
    if (offset < 0 || length < 0 || length > kMaxTagBytes || offset + length > file.size())
        return {};
    if (!file.seek(offset))
        return {};
    return file.read(length);
}

// DSF: little-endian "DSD " chunk with a pointer to an ID3v2 tag, then a "fmt " chunk.
TagReadResult readDsf(QFile& file) {
    TagReadResult result;
    const QByteArray header = readAt(file, 0, 80);
    if (header.size() < 80 || !header.startsWith("DSD ") || header.mid(28, 4) != "fmt ") {
        result.error = QStringLiteral("not a valid DSF file (bad header)");
        return result;
    }
    const auto* p = reinterpret_cast<const uchar*>(header.constData());
    const qint64 metadataOffset = qint64(qFromLittleEndian<quint64>(p + 20));
    const quint32 channels = qFromLittleEndian<quint32>(p + 28 + 24);
    const quint32 sampleRate = qFromLittleEndian<quint32>(p + 28 + 28);
    const quint64 sampleCount = qFromLittleEndian<quint64>(p + 28 + 36);
    if (sampleRate == 0 || channels == 0 || channels > 64) {
        result.error = QStringLiteral("not a valid DSF file (bad format chunk)");
        return result;
    }
    result.tags.codec = QStringLiteral("DSD");
    result.tags.sample_rate = int(sampleRate);
    result.tags.channels = int(channels);
    result.tags.bitrate_kbps = int(quint64(sampleRate) * channels / 1000);
    result.tags.duration_ms = int(qMin<quint64>(sampleCount * 1000 / sampleRate, 48ull * 3600000));
    if (metadataOffset > 0) {
        const QByteArray id3Header = readAt(file, metadataOffset, 10);
        if (id3Header.size() == 10 && id3Header.startsWith("ID3")) {
            // syncsafe size: 4 x 7 bits
            const auto* s = reinterpret_cast<const uchar*>(id3Header.constData()) + 6;
            const qint64 size = (qint64(s[0] & 0x7f) << 21) | ((s[1] & 0x7f) << 14) |
                                ((s[2] & 0x7f) << 7) | (s[3] & 0x7f);
            applyId3v2(readAt(file, metadataOffset, qMin(size + 10, file.size() - metadataOffset)),
                       result.tags);
        }
    }
    result.ok = true;
    return result;
}

// DSDIFF: big-endian "FRM8" form of chunks: PROP/SND (FS, CHNL), DSD or DST data, ID3.
TagReadResult readDff(QFile& file) {
    TagReadResult result;
    const QByteArray form = readAt(file, 0, 16);
    if (form.size() < 16 || !form.startsWith("FRM8") || form.mid(12, 4) != "DSD ") {
        result.error = QStringLiteral("not a valid DSDIFF file (bad FRM8 header)");
        return result;
    }
    quint32 sampleRate = 0;
    quint16 channels = 0;
    quint64 dataBytes = 0;
    qint64 offset = 16;
    for (int chunk = 0; chunk < kMaxChunks && offset + 12 <= file.size(); ++chunk) {
        const QByteArray head = readAt(file, offset, 12);
        if (head.size() < 12)
            break;
        const QByteArray id = head.left(4);
        const quint64 size = qFromBigEndian<quint64>(head.constData() + 4);
        const qint64 body = offset + 12;
        if (size > quint64(file.size()))
            break;
        if (id == "PROP") {
            // sub-chunks after the 4-byte "SND " property type
            qint64 sub = body + 4;
            for (int i = 0; i < kMaxChunks && sub + 12 <= body + qint64(size); ++i) {
                const QByteArray subHead = readAt(file, sub, 12);
                if (subHead.size() < 12)
                    break;
                const quint64 subSize = qFromBigEndian<quint64>(subHead.constData() + 4);
                if (subHead.startsWith("FS  ")) {
                    const QByteArray v = readAt(file, sub + 12, 4);
                    if (v.size() == 4)
                        sampleRate = qFromBigEndian<quint32>(v.constData());
                } else if (subHead.startsWith("CHNL")) {
                    const QByteArray v = readAt(file, sub + 12, 2);
                    if (v.size() == 2)
                        channels = qFromBigEndian<quint16>(v.constData());
                }
                if (subSize > quint64(size))
                    break;
                sub += 12 + qint64(subSize) + qint64(subSize & 1);
            }
        } else if (id == "DSD ") {
            dataBytes = size;
        } else if (id == "ID3 ") {
            applyId3v2(readAt(file, body, qint64(size)), result.tags);
        }
        offset = body + qint64(size) + qint64(size & 1);  // chunks are padded to even sizes
    }
    if (sampleRate == 0 || channels == 0 || channels > 64) {
        result.error = QStringLiteral("not a valid DSDIFF file (no sample rate or channels)");
        return result;
    }
    result.tags.codec = QStringLiteral("DSD");
    result.tags.sample_rate = int(sampleRate);
    result.tags.channels = int(channels);
    result.tags.bitrate_kbps = int(quint64(sampleRate) * channels / 1000);
    const quint64 samples = dataBytes * 8 / channels;
    result.tags.duration_ms = int(qMin<quint64>(samples * 1000 / sampleRate, 48ull * 3600000));
    result.ok = true;
    return result;
}

}  // namespace

TagReadResult readDsdTags(const QByteArray& localPath, bool isDsdiff) {
    QFile file(QString::fromUtf8(localPath));
    if (!file.open(QIODevice::ReadOnly)) {
        TagReadResult result;
        result.error = QStringLiteral("cannot open: %1").arg(file.errorString());
        return result;
    }
    return isDsdiff ? readDff(file) : readDsf(file);
}

}  // namespace encore
