// Incident: Contagious Interview fake repo (2024-2025); ordinary route kept for realism.
// Reference: https://unit42.paloaltonetworks.com/north-korean-threat-actors-lure-tech-job-seekers-as-fake-recruiters/
// Reproduction (own code, placeholder host).
const express = require("express");
const mongoose = require("mongoose");

const Listing = mongoose.model(
  "Listing",
  new mongoose.Schema({ title: String, city: String, price: Number, bedrooms: Number }, { timestamps: true }),
);

const router = express.Router();

router.get("/", async (req, res) => {
  const filter = {};
  if (req.query.city) filter.city = String(req.query.city);
  const items = await Listing.find(filter).sort({ createdAt: -1 }).limit(50);
  res.json(items);
});

router.post("/", async (req, res) => {
  const { title, city, price, bedrooms } = req.body;
  if (!title || !city) return res.status(400).json({ error: "title and city are required" });
  const item = await Listing.create({ title, city, price: Number(price) || 0, bedrooms: Number(bedrooms) || 0 });
  res.status(201).json(item);
});

module.exports = router;
