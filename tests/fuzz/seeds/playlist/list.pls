[playlist]
File1=song one.flac
Title1=One
Length1=200
NumberOfEntries=1
Version=2
