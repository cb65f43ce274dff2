// Every value reaches SQLite as a bound parameter, never spliced into the text. This reads the
// sources (engine, cli, ui, app) for SQL text that is put together at run time, with %1 and
// .arg() or with +, and checks each place against composedsql.txt, which lists every reviewed
// one with what it splices and why that can never be a value from a tag, a file or the user.
// A new composition fails here until it is bound instead or reviewed and listed; a listed
// one that is gone fails too, so the list stays true.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>
#include <QtTest>

namespace {

// Uppercase SQL words: a string literal holding one is SQL (messages are not in capitals).
const QRegularExpression& sqlWords() {
    static const QRegularExpression words(
        QStringLiteral("\\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|PRAGMA|ORDER BY|GROUP BY|"
                       "LIMIT|OFFSET|FROM|JOIN)\\b"));
    return words;
}

struct Site {
    QString file;  // relative to the source root
    int line = 0;
    QString text;  // the line, trimmed
};

// Lines where SQL text is composed: a literal with %n, or one joined with + or +=.
QList<Site> composedSql(const QString& root) {
    static const QRegularExpression literal(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""));
    static const QRegularExpression placeholder(QStringLiteral("%[0-9]"));
    static const QRegularExpression joinedAfter(QStringLiteral("^\\s*\\)?\\s*\\+"));
    static const QRegularExpression joinedBefore(
        QStringLiteral("(\\+|\\+=)\\s*(QStringLiteral\\(|QLatin1String\\()?$"));
    QList<Site> sites;
    for (const QString& room : {QStringLiteral("engine"), QStringLiteral("cli"),
                                QStringLiteral("ui"), QStringLiteral("app")}) {
        QDirIterator it(root + QLatin1Char('/') + room,
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
                continue;
            const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
            for (int i = 0; i < lines.size(); ++i) {
                const QString& l = lines[i];
                for (auto m = literal.globalMatch(l); m.hasNext();) {
                    const QRegularExpressionMatch lit = m.next();
                    const QString text = lit.captured(0);
                    if (!sqlWords().match(text).hasMatch())
                        continue;
                    const QString after = l.mid(lit.capturedEnd());
                    const QString before = l.left(lit.capturedStart()).trimmed();
                    const QString next = i + 1 < lines.size() ? lines[i + 1].trimmed() : QString();
                    const bool composed =
                        placeholder.match(text).hasMatch() || joinedAfter.match(after).hasMatch() ||
                        joinedBefore.match(before).hasMatch() ||
                        ((after.trimmed() == QLatin1String(")") || after.trimmed().isEmpty()) &&
                         (next.startsWith(QLatin1Char('+')) ||
                          next.startsWith(QLatin1String(".arg("))));
                    if (composed) {
                        sites.append({QDir(root).relativeFilePath(path), i + 1, l.trimmed()});
                        break;
                    }
                }
            }
        }
    }
    return sites;
}

struct Reviewed {
    QString file;
    QString fragment;  // a piece of the line that identifies it
    QString why;
    bool seen = false;
};

// composedsql.txt: "path | fragment of the line | why it is safe", one a line; # comments.
QList<Reviewed> reviewed(const QString& path) {
    QList<Reviewed> list;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return list;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QStringLiteral(" | "));
        if (parts.size() == 3)
            list.append({parts[0].trimmed(), parts[1].trimmed(), parts[2].trimmed()});
        else
            list.append({line, QString(), QString()});  // malformed: fails below
    }
    return list;
}

}  // namespace

class TestBoundSql : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyComposedStatementIsReviewed() {
        const QString root = QStringLiteral(ENCORE_SOURCE_DIR);
        const QList<Site> sites = composedSql(root);
        QList<Reviewed> list =
            reviewed(QStringLiteral(ENCORE_SOURCE_DIR "/tests/store/composedsql.txt"));
        QVERIFY2(!list.isEmpty(), "tests/store/composedsql.txt is missing or empty");
        for (const Reviewed& r : list)
            QVERIFY2(!r.fragment.isEmpty() && !r.why.isEmpty(),
                     qPrintable(QStringLiteral("composedsql.txt: \"%1\" needs "
                                               "\"path | fragment | why\"")
                                    .arg(r.file)));
        QStringList unreviewed;
        for (const Site& s : sites) {
            bool found = false;
            for (Reviewed& r : list) {
                if (r.file == s.file && s.text.contains(r.fragment)) {
                    r.seen = true;
                    found = true;
                }
            }
            if (!found)
                unreviewed << QStringLiteral("%1:%2: %3").arg(s.file).arg(s.line).arg(s.text);
        }
        QVERIFY2(unreviewed.isEmpty(),
                 qPrintable(QStringLiteral("SQL put together from strings: bind the values "
                                           "(prepare + addBindValue), or review the place and "
                                           "list it in tests/store/composedsql.txt:\n") +
                            unreviewed.join(QLatin1Char('\n'))));
        QStringList gone;
        for (const Reviewed& r : list)
            if (!r.seen)
                gone << r.file + QStringLiteral(" | ") + r.fragment;
        QVERIFY2(gone.isEmpty(),
                 qPrintable(QStringLiteral("composedsql.txt lists places that are gone (remove "
                                           "them):\n") +
                            gone.join(QLatin1Char('\n'))));
        QVERIFY2(sites.size() >= 10, "the scan found too little SQL: is ENCORE_SOURCE_DIR right?");
    }

    // The scan itself: a spliced value is caught, a bound one is not.
    void scanTellsSplicedFromBound() {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("engine"));
        QFile file(dir.filePath(QStringLiteral("engine/sample.cpp")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "q.prepare(QStringLiteral(\"SELECT id FROM tracks WHERE title = ?\"));\n"
            "q.exec(QStringLiteral(\"DELETE FROM plays WHERE id = %1\").arg(id));\n"
            "q.exec(QStringLiteral(\"SELECT * FROM tracks WHERE artist = '\") + name);\n"
            "label->setText(tr(\"Choose a folder %1\").arg(path));\n");
        file.close();
        const QList<Site> sites = composedSql(dir.path());
        QCOMPARE(sites.size(), 2);
        QCOMPARE(sites[0].line, 2);
        QCOMPARE(sites[1].line, 3);
    }
};

QTEST_GUILESS_MAIN(TestBoundSql)
#include "tst_boundsql.moc"
