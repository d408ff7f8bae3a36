"""Optional Firebase cloud sync: sign-in, Firestore documents, Storage files, and the sync engine.

The client acts only as the signed-in user (its ID token over REST). firebase-admin is used only by the
project owner's operator commands (firebase_app.py, operator.py), imported lazily there.
"""
