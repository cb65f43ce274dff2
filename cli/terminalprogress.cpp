#include "terminalprogress.h"

namespace encore::cli {

namespace {

constexpr int kBarWidth = 30;
constexpr int kLabelWidth = 40;
constexpr qint64 kPlainLineIntervalMs = 2000;

QString elide(const QString& text, int width) {
    if (text.size() <= width)
        return text;
    return QStringLiteral("…") + text.right(width - 1);
}

}  // namespace

TerminalProgress::TerminalProgress(QTextStream& out, bool isTerminal)
    : out_(out), terminal_(isTerminal) {
    since_line_.start();
}

void TerminalProgress::update(qint64 done, qint64 total, const QString& label) {
    if (!terminal_) {
        if (drawn_ && since_line_.elapsed() < kPlainLineIntervalMs)
            return;
        since_line_.restart();
        drawn_ = true;
        if (total >= 0)
            out_ << QStringLiteral("%1 / %2 %3\n").arg(done).arg(total).arg(label);
        else
            out_ << QStringLiteral("%1 files found %2\n").arg(done).arg(label);
        out_.flush();
        return;
    }
    QString line;
    if (total > 0) {
        const int filled = int(kBarWidth * done / total);
        line = QStringLiteral("[%1%2] %3% %4/%5 ")
                   .arg(QString(filled, QLatin1Char('#')),
                        QString(kBarWidth - filled, QLatin1Char('.')))
                   .arg(100 * done / total, 3)
                   .arg(done)
                   .arg(total);
    } else {
        line = QStringLiteral("%1 files found ").arg(done);
    }
    line += elide(label, kLabelWidth);
    out_ << "\r\x1b[K" << line;
    out_.flush();
    drawn_ = true;
}

void TerminalProgress::finish() {
    if (terminal_ && drawn_) {
        out_ << "\r\x1b[K";
        out_.flush();
    }
    drawn_ = false;
}

}  // namespace encore::cli
