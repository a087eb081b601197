const express = require('express');
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();
const app = express();

app.get('/items', async (_req, res) => res.json(await prisma.item.findMany()));
app.listen(3000);
