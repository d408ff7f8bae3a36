"""Resume intake and resume-vs-job analysis.

- `intake.ResumeIntake`: a PDF, .txt or pasted text in; a stored `ResumeProfile` out (once per file).
- `analyzer.ResumeAnalyzer`: a profile and a job description in; a stored `ResumeAnalysis` out.
- `errors.ResumeError`: the one exception, with a message for the candidate and a code for the GUI
  (`needs_password` tells the GUI to ask for a PDF password and call again with `password=`).
Both classes do blocking work (a child process, possibly Gemini): call them from a worker thread.
"""
