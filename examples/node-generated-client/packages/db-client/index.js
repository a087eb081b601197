// Like @prisma/client: the real client is generated at build time into node_modules/.prisma/client.
module.exports = require(".prisma/client");
