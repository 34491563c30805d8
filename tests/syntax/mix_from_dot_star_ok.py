from . import *
from .. import (a, b,)
