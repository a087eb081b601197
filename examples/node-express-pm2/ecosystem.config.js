// pm2 process file: one instance of the API, restarted if it crashes.
module.exports = {
  apps: [{ name: "inventory-api", script: "server.js", instances: 1, autorestart: true }],
};
