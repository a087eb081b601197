const express = require('express');

const app = express();
app.get('/', (_req, res) => res.send('ledger up'));
app.listen(8080);
