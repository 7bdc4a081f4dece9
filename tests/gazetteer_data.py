"""A handful of real regions (code, name, level, province code) for the extraction tests' gazetteer:
two Sukabumis and two Bogors (a kota and a kabupaten each) among them."""

REGIONS = [
    ("12", "Sumatera Utara", "provinsi", "12"),
    ("12.71", "Kota Medan", "kota", "12"),
    ("12.74", "Kota Tanjungbalai", "kota", "12"),
    ("17", "Bengkulu", "provinsi", "17"),
    ("17.71", "Kota Bengkulu", "kota", "17"),
    ("18", "Lampung", "provinsi", "18"),
    ("18.01", "Kabupaten Lampung Selatan", "kabupaten", "18"),
    ("18.72", "Kota Metro", "kota", "18"),
    ("32", "Jawa Barat", "provinsi", "32"),
    ("32.01", "Kabupaten Bogor", "kabupaten", "32"),
    ("32.02", "Kabupaten Sukabumi", "kabupaten", "32"),
    ("32.13", "Kabupaten Subang", "kabupaten", "32"),
    ("32.71", "Kota Bogor", "kota", "32"),
    ("32.72", "Kota Sukabumi", "kota", "32"),
    ("51.03", "Kabupaten Badung", "kabupaten", "51"),
]
