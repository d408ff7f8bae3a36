// Fallback Firestore emulator for machines without Google's jar (tests only): node firestore-fallback.js PORT
const { FirestoreServer } = require("@firestore-emulator/server");

const port = Number(process.argv[2] || 8080);
const server = new FirestoreServer();
server.start(port).then(() => console.log(`firestore fallback ready on ${port}`));
