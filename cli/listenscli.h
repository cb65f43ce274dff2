#pragma once

#include "command.h"
#include "core/track.h"
#include "store/profilestore.h"

#include <QIODevice>
#include <QString>
#include <QTextStream>

#include <optional>

namespace encore::cli {

// Helpers shared by the listening-log commands (import, plays, export, forget, profiles).

// A date or time given on the command line, as unix seconds. Accepts "2024-05-01" (local
// midnight; with endOfDay the next midnight, so --until 2024-05-01 includes that day),
// "2024-05-01T18:30[:00]" (local), with "Z" or "+02:00" (that offset), and unix seconds.
std::optional<qint64> parseCliTime(const QString& text, bool endOfDay);

// Reads --OPTION as a time into `out`; false (after printing a usage error) when malformed.
bool readTimeOption(CommandContext& c, const QString& option, bool endOfDay,
                    std::optional<qint64>& out, int& exitCode);

// Reads --track as a track id into `out`; false (after printing a usage error) when it is not one.
bool readTrackOption(CommandContext& c, TrackId& out, int& exitCode);

// "2024-05-01 18:30" in the listen's own local time.
QString localTimeText(qint64 utcSeconds, int utcOffsetMinutes);
// "3:25"
QString minutesSeconds(qint64 ms);

// A write-only device that forwards UTF-8 lines to a QTextStream (exports to stdout).
class TextStreamDevice : public QIODevice {
public:
    explicit TextStreamDevice(QTextStream& stream) : stream_(stream) { open(WriteOnly); }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override {
        stream_ << QString::fromUtf8(data, size);
        return size;
    }

private:
    QTextStream& stream_;
};

}  // namespace encore::cli
