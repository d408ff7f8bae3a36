"""Optional Firebase cloud sync: sign-in, Firestore documents, Cloud Storage files, and the sync engine.

Nothing here is imported unless the user configured a Firebase project; firebase_admin is imported lazily.
"""
