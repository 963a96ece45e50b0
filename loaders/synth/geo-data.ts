// Static geography: Brazilian states with customer/seller weights (published Olist counts), lat/lng boxes,
// CEP (zip) prefix ranges, and a handful of real cities per state with approximate coordinates and
// prefix ranges. Prefixes are 5-digit CEP prefixes as integers (01000 → 1000).

export interface CityDef {
  name: string; // lowercase, unaccented (the form customers/sellers files mostly use)
  lat: number;
  lng: number;
  lo: number; // prefix range, inclusive
  hi: number;
  w: number; // relative weight of customers within the state
}

export interface StateDef {
  code: string;
  customers: number; // real customer rows by state (sum 99,441)
  sellers: number; // real sellers by state (sum 3,095)
  box: [latMin: number, latMax: number, lngMin: number, lngMax: number];
  ranges: [number, number][]; // CEP prefix ranges of the state
  cities: CityDef[];
  townShare: number; // share of the state's customers living in generic small towns
}

// "name|lat|lng|lo-hi|weight;..."
function cities(spec: string): CityDef[] {
  return spec
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [name, lat, lng, range, w] = s.split("|");
      const [lo, hi] = range!.split("-").map(Number);
      return {name: name!, lat: Number(lat), lng: Number(lng), lo: lo!, hi: hi!, w: Number(w)};
    });
}

export const STATES: StateDef[] = [
  {
    code: "SP",
    customers: 41746,
    sellers: 1849,
    box: [-25.3, -19.8, -53.1, -44.2],
    ranges: [[1000, 19999]],
    townShare: 0.2,
    cities:
      cities(`sao paulo|-23.55|-46.63|1000-5999|12000;sao paulo|-23.55|-46.50|8000-8499|3500;guarulhos|-23.46|-46.53|7000-7299|1190;
      osasco|-23.53|-46.79|6000-6299|750;santo andre|-23.66|-46.53|9000-9299|800;sao bernardo do campo|-23.69|-46.56|9600-9899|940;
      mogi das cruzes|-23.52|-46.19|8700-8899|380;campinas|-22.91|-47.06|13000-13149|1440;jundiai|-23.19|-46.88|13200-13219|560;
      sorocaba|-23.50|-47.46|18000-18109|630;ribeirao preto|-21.18|-47.81|14000-14114|500;santos|-23.96|-46.33|11000-11099|710;
      sao jose dos campos|-23.18|-45.88|12200-12249|690;piracicaba|-22.73|-47.65|13400-13429|290;bauru|-22.31|-49.06|17000-17099|260;
      sao jose do rio preto|-20.82|-49.38|15000-15099|300;franca|-20.54|-47.40|14400-14414|200;presidente prudente|-22.12|-51.39|19000-19099|150;
      marilia|-22.21|-49.95|17500-17529|140;araraquara|-21.79|-48.18|14800-14811|160;taubate|-23.03|-45.56|12000-12099|220;
      barueri|-23.51|-46.88|6400-6499|330;carapicuiba|-23.52|-46.84|6300-6399|150;diadema|-23.69|-46.62|9900-9999|190;
      maua|-23.67|-46.46|9300-9399|190;sao caetano do sul|-23.62|-46.55|9500-9599|270;taboao da serra|-23.60|-46.78|6750-6799|140;
      limeira|-22.56|-47.40|13480-13489|160;americana|-22.74|-47.33|13465-13479|150;indaiatuba|-23.09|-47.22|13330-13349|190;
      praia grande|-24.01|-46.40|11700-11729|200;sao vicente|-23.96|-46.39|11300-11399|150;guaruja|-23.99|-46.26|11400-11499|120;
      braganca paulista|-22.95|-46.54|12900-12929|100;suzano|-23.54|-46.31|8600-8699|150;cotia|-23.60|-46.92|6700-6729|170;
      sao carlos|-22.01|-47.89|13560-13579|140;aracatuba|-21.21|-50.43|16000-16099|120`)
  },
  {
    code: "RJ",
    customers: 12852,
    sellers: 171,
    box: [-23.4, -20.8, -44.9, -40.9],
    ranges: [[20000, 28999]],
    townShare: 0.12,
    cities:
      cities(`rio de janeiro|-22.91|-43.20|20000-23799|6900;niteroi|-22.88|-43.10|24000-24399|1000;sao goncalo|-22.83|-43.05|24400-24799|650;
      duque de caxias|-22.79|-43.31|25000-25299|500;nova iguacu|-22.76|-43.45|26000-26299|500;petropolis|-22.51|-43.18|25600-25779|300;
      volta redonda|-22.52|-44.10|27200-27299|300;campos dos goytacazes|-21.75|-41.32|28000-28099|270;macae|-22.37|-41.79|27900-27999|200;
      teresopolis|-22.41|-42.97|25950-25999|170;nova friburgo|-22.28|-42.53|28600-28699|150;cabo frio|-22.88|-42.02|28900-28929|150`)
  },
  {
    code: "ES",
    customers: 2033,
    sellers: 23,
    box: [-21.3, -17.9, -41.9, -39.7],
    ranges: [[29000, 29999]],
    townShare: 0.2,
    cities:
      cities(`vitoria|-20.32|-40.34|29000-29099|400;vila velha|-20.33|-40.29|29100-29129|420;serra|-20.13|-40.31|29160-29179|350;
      cariacica|-20.26|-40.42|29140-29159|200;cachoeiro de itapemirim|-20.85|-41.11|29300-29319|120;linhares|-19.39|-40.07|29900-29919|80`)
  },
  {
    code: "MG",
    customers: 11635,
    sellers: 244,
    box: [-22.9, -14.2, -51.1, -39.9],
    ranges: [[30000, 39999]],
    townShare: 0.3,
    cities:
      cities(`belo horizonte|-19.92|-43.94|30000-31999|2700;contagem|-19.93|-44.05|32000-32399|500;betim|-19.97|-44.20|32600-32699|300;
      uberlandia|-18.92|-48.28|38400-38415|680;juiz de fora|-21.76|-43.35|36000-36099|650;montes claros|-16.73|-43.86|39400-39409|250;
      uberaba|-19.75|-47.93|38000-38099|250;governador valadares|-18.85|-41.95|35000-35099|160;ipatinga|-19.47|-42.54|35160-35164|160;
      divinopolis|-20.14|-44.88|35500-35504|170;pocos de caldas|-21.79|-46.56|37700-37719|150;varginha|-21.55|-45.43|37000-37099|120;
      sete lagoas|-19.46|-44.25|35700-35704|130;nova lima|-19.98|-43.85|34000-34099|160`)
  },
  {
    code: "BA",
    customers: 3380,
    sellers: 19,
    box: [-18.4, -8.5, -46.7, -37.3],
    ranges: [[40000, 48999]],
    townShare: 0.35,
    cities:
      cities(`salvador|-12.97|-38.50|40000-42599|1300;feira de santana|-12.27|-38.97|44000-44099|200;lauro de freitas|-12.89|-38.33|42700-42749|130;
      vitoria da conquista|-14.86|-40.84|45000-45099|130;camacari|-12.70|-38.32|42800-42849|90;itabuna|-14.79|-39.28|45600-45609|80;
      ilheus|-14.79|-39.05|45650-45659|70;barreiras|-12.15|-45.00|47800-47819|50`)
  },
  {
    code: "SE",
    customers: 350,
    sellers: 2,
    box: [-11.6, -9.5, -38.3, -36.4],
    ranges: [[49000, 49999]],
    townShare: 0.3,
    cities: cities(
      `aracaju|-10.91|-37.07|49000-49099|220;nossa senhora do socorro|-10.86|-37.13|49160-49169|25;lagarto|-10.92|-37.65|49400-49409|15`
    )
  },
  {
    code: "PE",
    customers: 1652,
    sellers: 9,
    box: [-9.5, -7.3, -41.4, -34.8],
    ranges: [[50000, 56999]],
    townShare: 0.3,
    cities:
      cities(`recife|-8.05|-34.88|50000-52999|650;jaboatao dos guararapes|-8.11|-35.01|54000-54499|160;olinda|-8.01|-34.85|53000-53199|110;
      caruaru|-8.28|-35.97|55000-55099|80;petrolina|-9.39|-40.50|56300-56339|90;paulista|-7.94|-34.87|53400-53439|50`)
  },
  {
    code: "AL",
    customers: 413,
    sellers: 0,
    box: [-10.5, -8.8, -38.3, -35.1],
    ranges: [[57000, 57999]],
    townShare: 0.3,
    cities: cities(
      `maceio|-9.67|-35.74|57000-57099|260;arapiraca|-9.75|-36.66|57300-57319|35;rio largo|-9.48|-35.85|57100-57109|10`
    )
  },
  {
    code: "PB",
    customers: 536,
    sellers: 6,
    box: [-8.3, -6.0, -38.8, -34.8],
    ranges: [[58000, 58999]],
    townShare: 0.3,
    cities: cities(
      `joao pessoa|-7.12|-34.86|58000-58099|260;campina grande|-7.23|-35.88|58400-58449|90;patos|-7.02|-37.28|58700-58709|15;santa rita|-7.11|-34.98|58300-58309|15`
    )
  },
  {
    code: "RN",
    customers: 485,
    sellers: 5,
    box: [-6.99, -4.8, -38.6, -34.9],
    ranges: [[59000, 59999]],
    townShare: 0.3,
    cities: cities(
      `natal|-5.79|-35.21|59000-59159|260;mossoro|-5.19|-37.34|59600-59649|55;parnamirim|-5.92|-35.26|59140-59159|50`
    )
  },
  {
    code: "CE",
    customers: 1336,
    sellers: 13,
    box: [-7.9, -2.8, -41.5, -37.2],
    ranges: [[60000, 63999]],
    townShare: 0.3,
    cities:
      cities(`fortaleza|-3.73|-38.53|60000-61599|700;caucaia|-3.74|-38.66|61600-61699|50;juazeiro do norte|-7.21|-39.32|63000-63049|60;
      sobral|-3.69|-40.35|62000-62099|40;maracanau|-3.87|-38.63|61900-61939|40`)
  },
  {
    code: "PI",
    customers: 495,
    sellers: 1,
    box: [-10.9, -2.7, -45.99, -40.4],
    ranges: [[64000, 64999]],
    townShare: 0.35,
    cities: cities(
      `teresina|-5.09|-42.80|64000-64099|280;parnaiba|-2.91|-41.78|64200-64219|30;picos|-7.08|-41.47|64600-64609|20`
    )
  },
  {
    code: "MA",
    customers: 747,
    sellers: 1,
    box: [-10.3, -1.0, -48.8, -41.8],
    ranges: [[65000, 65999]],
    townShare: 0.4,
    cities: cities(
      `sao luis|-2.53|-44.30|65000-65109|380;imperatriz|-5.53|-47.48|65900-65919|80;timon|-5.09|-42.84|65630-65639|30;caxias|-4.86|-43.36|65600-65609|25`
    )
  },
  {
    code: "PA",
    customers: 975,
    sellers: 1,
    box: [-9.9, 2.6, -58.9, -46.0],
    ranges: [[66000, 68899]],
    townShare: 0.35,
    cities:
      cities(`belem|-1.46|-48.50|66000-66999|450;ananindeua|-1.37|-48.37|67000-67199|100;santarem|-2.44|-54.71|68000-68049|60;
      maraba|-5.37|-49.12|68500-68514|50;castanhal|-1.30|-47.92|68740-68749|30`)
  },
  {
    code: "AP",
    customers: 68,
    sellers: 0,
    box: [-1.3, 4.5, -54.9, -49.9],
    ranges: [[68900, 68999]],
    townShare: 0.2,
    cities: cities(`macapa|0.03|-51.07|68900-68929|50;santana|-0.06|-51.17|68925-68929|8`)
  },
  {
    code: "AM",
    customers: 148,
    sellers: 1,
    box: [-9.9, 2.3, -73.8, -56.1],
    ranges: [
      [69000, 69299],
      [69400, 69899]
    ],
    townShare: 0.2,
    cities: cities(
      `manaus|-3.12|-60.02|69000-69099|120;parintins|-2.63|-56.74|69150-69159|5;itacoatiara|-3.14|-58.44|69100-69109|5`
    )
  },
  {
    code: "RR",
    customers: 46,
    sellers: 0,
    box: [-1.6, 5.3, -64.9, -58.9],
    ranges: [[69300, 69399]],
    townShare: 0.15,
    cities: cities(`boa vista|2.82|-60.67|69300-69339|40`)
  },
  {
    code: "AC",
    customers: 81,
    sellers: 1,
    box: [-11.2, -7.1, -74.0, -66.6],
    ranges: [[69900, 69999]],
    townShare: 0.2,
    cities: cities(`rio branco|-9.97|-67.81|69900-69929|65;cruzeiro do sul|-7.63|-72.67|69980-69989|6`)
  },
  {
    code: "DF",
    customers: 2140,
    sellers: 30,
    box: [-16.1, -15.5, -48.3, -47.3],
    ranges: [
      [70000, 72799],
      [73000, 73699]
    ],
    townShare: 0.05,
    cities:
      cities(`brasilia|-15.79|-47.88|70000-71999|1500;taguatinga|-15.83|-48.06|72000-72199|200;gama|-16.02|-48.06|72400-72499|90;
      sobradinho|-15.65|-47.79|73000-73099|80;planaltina|-15.62|-47.65|73300-73399|60`)
  },
  {
    code: "GO",
    customers: 2020,
    sellers: 40,
    box: [-19.5, -12.4, -53.3, -45.9],
    ranges: [
      [72800, 72999],
      [73700, 76799]
    ],
    townShare: 0.3,
    cities:
      cities(`goiania|-16.68|-49.26|74000-74899|850;aparecida de goiania|-16.82|-49.24|74900-74999|150;anapolis|-16.33|-48.95|75000-75149|150;
      rio verde|-17.80|-50.93|75900-75909|60;valparaiso de goias|-16.07|-47.98|72870-72879|40;luziania|-16.25|-47.95|72800-72829|40`)
  },
  {
    code: "RO",
    customers: 253,
    sellers: 2,
    box: [-13.7, -7.9, -66.9, -59.8],
    ranges: [[76800, 76999]],
    townShare: 0.35,
    cities: cities(
      `porto velho|-8.76|-63.90|76800-76849|110;ji-parana|-10.88|-61.95|76900-76919|30;ariquemes|-9.91|-63.04|76870-76879|20;vilhena|-12.74|-60.15|76980-76989|15`
    )
  },
  {
    code: "TO",
    customers: 280,
    sellers: 0,
    box: [-13.5, -5.2, -50.8, -45.7],
    ranges: [[77000, 77999]],
    townShare: 0.3,
    cities: cities(
      `palmas|-10.18|-48.33|77000-77299|130;araguaina|-7.19|-48.20|77800-77829|50;gurupi|-11.73|-49.07|77400-77429|20`
    )
  },
  {
    code: "MT",
    customers: 907,
    sellers: 4,
    box: [-18.1, -7.3, -61.7, -50.2],
    ranges: [[78000, 78899]],
    townShare: 0.35,
    cities:
      cities(`cuiaba|-15.60|-56.10|78000-78109|330;varzea grande|-15.65|-56.13|78110-78159|90;rondonopolis|-16.47|-54.64|78700-78749|70;
      sinop|-11.86|-55.50|78550-78559|50;tangara da serra|-14.62|-57.49|78300-78309|25`)
  },
  {
    code: "MS",
    customers: 715,
    sellers: 5,
    box: [-24.1, -17.2, -58.2, -50.9],
    ranges: [[79000, 79999]],
    townShare: 0.3,
    cities: cities(
      `campo grande|-20.46|-54.62|79000-79129|360;dourados|-22.22|-54.81|79800-79849|80;tres lagoas|-20.75|-51.68|79600-79649|35;corumba|-19.01|-57.65|79300-79339|20`
    )
  },
  {
    code: "PR",
    customers: 5045,
    sellers: 349,
    box: [-26.8, -22.5, -54.7, -48.0],
    ranges: [[80000, 87999]],
    townShare: 0.3,
    cities:
      cities(`curitiba|-25.43|-49.27|80000-82999|1500;londrina|-23.31|-51.16|86000-86099|400;maringa|-23.42|-51.94|87000-87119|330;
      ponta grossa|-25.09|-50.16|84000-84099|180;cascavel|-24.96|-53.46|85800-85829|170;sao jose dos pinhais|-25.53|-49.21|83000-83099|180;
      foz do iguacu|-25.55|-54.59|85850-85869|120;colombo|-25.29|-49.22|83400-83419|80;guarapuava|-25.39|-51.46|85000-85099|70;apucarana|-23.55|-51.46|86800-86814|50`)
  },
  {
    code: "SC",
    customers: 3637,
    sellers: 190,
    box: [-29.4, -25.9, -53.9, -48.3],
    ranges: [[88000, 89999]],
    townShare: 0.3,
    cities:
      cities(`florianopolis|-27.60|-48.55|88000-88099|550;joinville|-26.30|-48.85|89200-89239|380;blumenau|-26.92|-49.07|89000-89099|300;
      sao jose|-27.60|-48.63|88100-88124|200;itajai|-26.91|-48.66|88300-88319|150;criciuma|-28.68|-49.37|88800-88819|150;
      balneario camboriu|-26.99|-48.63|88330-88339|150;chapeco|-27.10|-52.62|89800-89819|130;jaragua do sul|-26.49|-49.07|89250-89269|120;
      palhoca|-27.64|-48.67|88130-88139|110;lages|-27.82|-50.33|88500-88529|80`)
  },
  {
    code: "RS",
    customers: 5466,
    sellers: 129,
    box: [-33.8, -27.1, -57.7, -49.7],
    ranges: [[90000, 99999]],
    townShare: 0.3,
    cities:
      cities(`porto alegre|-30.03|-51.23|90000-91999|1300;caxias do sul|-29.17|-51.18|95000-95099|350;canoas|-29.92|-51.18|92000-92499|250;
      pelotas|-31.77|-52.34|96000-96099|200;santa maria|-29.69|-53.81|97000-97119|200;novo hamburgo|-29.68|-51.13|93300-93599|170;
      sao leopoldo|-29.76|-51.15|93000-93199|120;gravatai|-29.94|-50.99|94000-94199|130;passo fundo|-28.26|-52.41|99000-99099|120;
      viamao|-30.08|-51.02|94400-94599|70;rio grande|-32.03|-52.10|96200-96219|80`)
  }
];

// Generic small-town names (real names, most of which exist in several states).
export const TOWN_NAMES = (
  "santa rita,sao jose,nova esperanca,boa vista,santo antonio,bom jesus,sao francisco,santa cruz,agua boa,campo alegre," +
  "sao sebastiao,palmeiras,bela vista,esperanca,sao domingos,vila nova,nova vicosa,santa luzia,sao miguel,campo grande," +
  "bom sucesso,planalto,alvorada,sao pedro,santa helena,sao joao,jardim,aurora,itapiranga,nova olinda,santa ines," +
  "sao bento,cruzeiro,pedra branca,rio bonito,nova aurora,paraiso,santa clara,sao vicente,independencia,serra branca," +
  "porto seguro,itabaiana,monte alegre,triunfo,sao roque,barra bonita,lagoa santa,santa barbara,sao lourenco,uniao," +
  "sao felix,porto alegre do norte,nova canaa,itaporanga,capim grosso,santana,ouro branco,conceicao,sao caetano," +
  "cachoeira,sao mateus,riachao,formosa,areia branca,salto,pinhal,buritis,pombal,prata,sao gabriel,candelaria,taquari"
).split(",");

// Word-level accent restorations used to make accented variants of city names.
export const ACCENTS: Record<string, string> = {
  sao: "são",
  jose: "josé",
  joao: "joão",
  ribeirao: "ribeirão",
  goiania: "goiânia",
  brasilia: "brasília",
  maceio: "maceió",
  belem: "belém",
  vitoria: "vitória",
  florianopolis: "florianópolis",
  maringa: "maringá",
  cuiaba: "cuiabá",
  macapa: "macapá",
  luis: "luís",
  niteroi: "niterói",
  petropolis: "petrópolis",
  uberlandia: "uberlândia",
  jundiai: "jundiaí",
  taubate: "taubaté",
  maua: "mauá",
  guaruja: "guarujá",
  aracatuba: "araçatuba",
  braganca: "bragança",
  marilia: "marília",
  carapicuiba: "carapicuíba",
  taboao: "taboão",
  goncalo: "gonçalo",
  iguacu: "iguaçu",
  macae: "macaé",
  teresopolis: "teresópolis",
  jaboatao: "jaboatão",
  mossoro: "mossoró",
  maracanau: "maracanaú",
  parnaiba: "parnaíba",
  araguaina: "araguaína",
  varzea: "várzea",
  rondonopolis: "rondonópolis",
  tangara: "tangará",
  tres: "três",
  corumba: "corumbá",
  balneario: "balneário",
  itajai: "itajaí",
  criciuma: "criciúma",
  chapeco: "chapecó",
  jaragua: "jaraguá",
  palhoca: "palhoça",
  gravatai: "gravataí",
  viamao: "viamão",
  anapolis: "anápolis",
  goias: "goiás",
  luziania: "luziânia",
  camacari: "camaçari",
  ilheus: "ilhéus",
  divinopolis: "divinópolis",
  pocos: "poços",
  antonio: "antônio",
  ines: "inês",
  uniao: "união",
  conceicao: "conceição",
  riachao: "riachão",
  felix: "félix",
  canaa: "canaã",
  lourenco: "lourenço",
  santarem: "santarém",
  maraba: "marabá",
  timon: "timon",
  ji: "ji",
  sebastiao: "sebastião",
  jesus: "jesus",
  candelaria: "candelária",
  paraiso: "paraíso",
  independencia: "independência",
  vicosa: "viçosa",
  helena: "helena"
};
