"""Input side of kg: ``loaders.readers`` turns files into papers, ``loaders.merge`` merges them."""
