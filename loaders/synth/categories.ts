// Product categories: real Olist Portuguese names and English translations (the translation file's 71 pairs, in
// the real file's order), plus the two categories that have no translation. Numbers: products per category and
// items sold per category (published/real Olist counts; the smaller categories approximate) and an assumed median
// item price in BRL used by the price model.

export interface Category {
  name: string;
  english: string | null; // null → no translation row
  products: number;
  items: number;
  medianPrice: number;
}

const RAW: [string, string | null, number, number, number][] = [
  ["beleza_saude", "health_beauty", 2444, 9670, 80],
  ["informatica_acessorios", "computers_accessories", 1639, 7827, 75],
  ["automotivo", "auto", 1900, 4235, 80],
  ["cama_mesa_banho", "bed_bath_table", 3029, 11115, 80],
  ["moveis_decoracao", "furniture_decor", 2657, 8334, 70],
  ["esporte_lazer", "sports_leisure", 2867, 8641, 80],
  ["perfumaria", "perfumery", 868, 3419, 80],
  ["utilidades_domesticas", "housewares", 2335, 6964, 60],
  ["telefonia", "telephony", 1134, 4545, 30],
  ["relogios_presentes", "watches_gifts", 1329, 5991, 150],
  ["alimentos_bebidas", "food_drink", 104, 278, 35],
  ["bebes", "baby", 919, 3065, 90],
  ["papelaria", "stationery", 849, 2517, 50],
  ["tablets_impressao_imagem", "tablets_printing_image", 9, 83, 80],
  ["brinquedos", "toys", 1411, 4117, 70],
  ["telefonia_fixa", "fixed_telephony", 116, 264, 70],
  ["ferramentas_jardim", "garden_tools", 753, 4347, 60],
  ["fashion_bolsas_e_acessorios", "fashion_bags_accessories", 849, 2031, 50],
  ["eletroportateis", "small_appliances", 231, 679, 140],
  ["consoles_games", "consoles_games", 317, 1137, 60],
  ["audio", "audio", 58, 364, 70],
  ["fashion_calcados", "fashion_shoes", 173, 262, 90],
  ["cool_stuff", "cool_stuff", 789, 3796, 120],
  ["malas_acessorios", "luggage_accessories", 349, 1092, 150],
  ["climatizacao", "air_conditioning", 124, 297, 120],
  ["construcao_ferramentas_construcao", "construction_tools_construction", 400, 929, 80],
  ["moveis_cozinha_area_de_servico_jantar_e_jardim", "kitchen_dining_laundry_garden_furniture", 94, 281, 140],
  ["construcao_ferramentas_jardim", "costruction_tools_garden", 88, 238, 60],
  ["fashion_roupa_masculina", "fashion_male_clothing", 95, 132, 80],
  ["pet_shop", "pet_shop", 719, 1947, 60],
  ["moveis_escritorio", "office_furniture", 309, 1691, 160],
  ["market_place", "market_place", 104, 311, 70],
  ["eletronicos", "electronics", 517, 2767, 35],
  ["eletrodomesticos", "home_appliances", 370, 771, 60],
  ["artigos_de_festas", "party_supplies", 26, 43, 30],
  ["casa_conforto", "home_confort", 111, 434, 70],
  ["construcao_ferramentas_ferramentas", "costruction_tools_tools", 39, 103, 80],
  ["agro_industria_e_comercio", "agro_industry_and_commerce", 74, 212, 100],
  ["moveis_colchao_e_estofado", "furniture_mattress_and_upholstery", 10, 38, 100],
  ["livros_tecnicos", "books_technical", 123, 267, 70],
  ["casa_construcao", "home_construction", 225, 604, 80],
  ["instrumentos_musicais", "musical_instruments", 289, 680, 130],
  ["moveis_sala", "furniture_living_room", 156, 503, 100],
  ["construcao_ferramentas_iluminacao", "construction_tools_lights", 78, 304, 70],
  ["industria_comercio_e_negocios", "industry_commerce_and_business", 68, 268, 80],
  ["alimentos", "food", 82, 510, 40],
  ["artes", "art", 55, 209, 60],
  ["moveis_quarto", "furniture_bedroom", 45, 109, 100],
  ["livros_interesse_geral", "books_general_interest", 216, 553, 40],
  ["construcao_ferramentas_seguranca", "construction_tools_safety", 91, 194, 110],
  ["fashion_underwear_e_moda_praia", "fashion_underwear_beach", 53, 131, 50],
  ["fashion_esporte", "fashion_sport", 19, 30, 40],
  ["sinalizacao_e_seguranca", "signaling_and_security", 93, 199, 70],
  ["pcs", "computers", 30, 203, 900],
  ["artigos_de_natal", "christmas_supplies", 65, 153, 50],
  ["fashion_roupa_feminina", "fashio_female_clothing", 27, 48, 50],
  ["eletrodomesticos_2", "home_appliances_2", 90, 238, 300],
  ["livros_importados", "books_imported", 31, 60, 50],
  ["bebidas", "drinks", 81, 379, 40],
  ["cine_foto", "cine_photo", 28, 72, 50],
  ["la_cuisine", "la_cuisine", 10, 14, 130],
  ["musica", "music", 27, 38, 60],
  ["casa_conforto_2", "home_comfort_2", 5, 30, 30],
  ["portateis_casa_forno_e_cafe", "small_appliances_home_oven_and_coffee", 31, 76, 500],
  ["cds_dvds_musicais", "cds_dvds_musicals", 1, 14, 50],
  ["dvds_blu_ray", "dvds_blu_ray", 48, 64, 50],
  ["flores", "flowers", 14, 33, 30],
  ["artes_e_artesanato", "arts_and_craftmanship", 19, 24, 40],
  ["fraldas_higiene", "diapers_and_hygiene", 12, 39, 40],
  ["fashion_roupa_infanto_juvenil", "fashion_childrens_clothes", 5, 8, 60],
  ["seguros_e_servicos", "security_and_services", 2, 2, 100],
  ["pc_gamer", null, 3, 9, 200],
  ["portateis_cozinha_e_preparadores_de_alimentos", null, 10, 15, 140]
];

export const CATEGORIES: Category[] = RAW.map(([name, english, products, items, medianPrice]) => ({
  name,
  english,
  products,
  items,
  medianPrice
}));

/** Products without a category (real: 610 of 32,951) and items sold of them (real ≈1,603). */
export const UNCATEGORIZED = {products: 610, items: 1603, medianPrice: 70};

/** Categories whose buyers come back more often (planted churn driver, see README). */
export const STICKY_CATEGORIES = new Set([
  "beleza_saude",
  "cama_mesa_banho",
  "utilidades_domesticas",
  "perfumaria",
  "bebes",
  "pet_shop",
  "alimentos_bebidas",
  "alimentos",
  "bebidas",
  "fraldas_higiene",
  "papelaria"
]);
