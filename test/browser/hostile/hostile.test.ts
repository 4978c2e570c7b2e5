// The hostile-notebook suite (see suite.ts): every case, in two lanes side by side.
import { hostileSuite } from "./suite";

hostileSuite();
