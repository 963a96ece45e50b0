// One entry per product category for the templated pages /categories/[category]: KPIs, trend, top lists.
import {categorySlices} from "../../loaders/slices/categories.js";
import {withWarehouse} from "../../loaders/warehouse/warehouse.js";

process.stdout.write(JSON.stringify(await withWarehouse(categorySlices)));
